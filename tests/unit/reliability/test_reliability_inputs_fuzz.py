"""Any byte string as an input file (a suite, a judge input) gives a result or one line and exit 2: never a
traceback, never an internal error. Seeded and count-bounded, so it is the same on every machine. And the
top-level handler turns whatever still escapes into one line plus a crash log."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from redline.cli import main

SEEDS = [b"name: s\nversion: '1'\ncases:\n  - id: c-1\n    kind: code\n    prompt: Write it.\n",
         b'{"id": "a-1", "response": "I cannot help with that."}\n']


def _mutations(seed: bytes, rng: random.Random, n: int) -> list[bytes]:
    out = []
    for i in range(n):
        if i % 3 == 0:
            out.append(rng.randbytes(rng.randint(0, 200)))
        else:
            b = bytearray(seed)
            for _ in range(rng.randint(1, 8)):
                op = rng.randrange(3)
                pos = rng.randrange(len(b) + 1)
                if op == 0 and b:
                    del b[min(pos, len(b) - 1)]
                elif op == 1:
                    b[pos:pos] = bytes([rng.choice(b"{}[]:-!&*\"'\\\x00\n\t #%@`|>?,") ])
                else:
                    b[pos:pos] = rng.randbytes(rng.randint(1, 4))
            out.append(bytes(b))
    return out


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        main(argv)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize(("kind", "seed"), [("suite", 0), ("answer", 1), ("code", 1)])
def test_any_input_file_is_a_result_or_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str,
                                                seed: int) -> None:
    rng = random.Random(f"issue-16:{kind}")
    path = tmp_path / ("in.yaml" if kind == "suite" else "in.jsonl")
    for n, body in enumerate(_mutations(SEEDS[seed], rng, 40)):
        path.write_bytes(body)
        argv = ["suites", "validate", str(path)] if kind == "suite" else ["judge", kind, str(path)]
        code, out = _run(argv, capsys)
        assert "Traceback" not in out and "internal error" not in out, (n, body, out)
        assert code in (0, 2), (n, body, code, out)
        if code == 2:
            assert len([line for line in out.splitlines() if line.strip()]) == 1, (n, body, out)


def test_lone_surrogate_and_odd_ids_give_valid_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "a\\ud800b", "response": "def f():\\n    return 1\\n"}\n'
                     b'{"id": "x", "response": "\\udfff fine"}\n')
    code, out = _run(["judge", "code", str(path)], capsys)
    assert code == 0, out
    rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert len(rows) == 2
    for line in out.splitlines():
        line.encode("utf-8")  # no lone surrogate reaches the output


def test_unexpected_exception_is_one_line_and_a_crash_log(monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    import redline.commands.suites as suites_cmd

    def boom(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("sk-secret-not-shown")

    monkeypatch.setattr(suites_cmd, "resolve_suite", boom, raising=False)
    monkeypatch.setattr("redline.suites.loader.load_suite", boom)
    code, out = _run(["suites", "validate", "smoke"], capsys)
    lines = [line for line in out.splitlines() if line.strip()]
    assert code == 1 and len(lines) == 1 and "internal error: ZeroDivisionError" in lines[0], out
    assert "Traceback" not in out
    log = Path(lines[0].split("the traceback is in ")[1].split(" (")[0])
    assert "Traceback" in log.read_text() and "ZeroDivisionError" in log.read_text()
    code, out = _run(["--debug", "suites", "validate", "smoke"], capsys)
    assert code == 1 and "Traceback" in out
