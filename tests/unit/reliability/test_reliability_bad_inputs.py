"""A corpus of bad inputs: each gets exit status 2, one line naming the file:line or the option, no traceback,
and leaves existing run directories untouched."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import cli

SUITE_HEAD = "name: bad\nversion: '1'\n"
CASE = "cases:\n  - id: c-1\n    kind: code\n    prompt: Write it.\n"


def _suite(text: str | bytes) -> Callable[[Path], list[str]]:
    def make(tmp: Path) -> list[str]:
        p = tmp / "suite.yaml"
        p.write_bytes(text if isinstance(text, bytes) else text.encode())
        return ["suites", "validate", str(p)]
    return make


def _run_with_suite(text: str) -> Callable[[Path], list[str]]:
    def make(tmp: Path) -> list[str]:
        p = tmp / "s.yaml"
        p.write_text(text, encoding="utf-8")
        return ["run", "--suite", str(p), "--model", "scripted/echo"]
    return make


def _big(tmp: Path) -> list[str]:
    p = tmp / "big.yaml"
    with p.open("wb") as fh:
        fh.write(SUITE_HEAD.encode())
        fh.truncate(50 * 1024 * 1024)
    return ["suites", "validate", str(p)]


BOMB = SUITE_HEAD + "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" \
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n" + CASE


def _jsonl(kind: str, text: bytes) -> Callable[[Path], list[str]]:
    def make(tmp: Path) -> list[str]:
        p = tmp / "in.jsonl"
        p.write_bytes(text)
        return ["judge", kind, str(p)]
    return make


def _broken_run(tmp: Path) -> list[str]:
    run = tmp / "runs" / "existing"
    gens = run / "generations.jsonl"
    gens.write_text(gens.read_text() + "{not json\n" + '{"trial_id": "x"}\n')
    return ["judge", "run", str(run)]


def _not_a_run(tmp: Path) -> list[str]:
    (tmp / "empty").mkdir()
    return ["report", str(tmp / "empty")]


def _bad_manifest(tmp: Path) -> list[str]:
    d = tmp / "fake"
    d.mkdir()
    (d / "manifest.json").write_text("{broken")
    return ["stats", str(d)]


def _opt(*args: str) -> Callable[[Path], list[str]]:
    return lambda tmp: list(args)


def _fifo(tmp: Path) -> list[str]:
    import os

    p = tmp / "pipe.yaml"
    os.mkfifo(p)  # nobody writes: reading it would hang
    return ["suites", "validate", str(p)]


def _file(name: str, text: str | bytes, command: list[str]) -> Callable[[Path], list[str]]:
    def make(tmp: Path) -> list[str]:
        p = tmp / name
        p.write_bytes(text if isinstance(text, bytes) else text.encode())
        return [*command, str(p)]
    return make


def _named_fifo(name: str, command: list[str]) -> Callable[[Path], list[str]]:
    def make(tmp: Path) -> list[str]:
        import os

        p = tmp / name
        os.mkfifo(p)  # nobody writes: reading it would hang
        return [*command, str(p)]
    return make


DEEP_BLOCK = SUITE_HEAD + "x:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(3000)) + CASE


CORPUS: dict[str, tuple[Callable[[Path], list[str]], str]] = {
    "invalid-yaml": (_suite(SUITE_HEAD + "cases: [\n"), "suite.yaml:4:"),
    "not-a-mapping": (_suite("- just\n- a list\n"), "suite.yaml:1:"),
    "empty-file": (_suite(""), "suite.yaml:1:"),
    "wrong-type-kind": (_suite(SUITE_HEAD + CASE.replace("kind: code", "kind: 7")), "suite.yaml:5:"),
    "wrong-type-prompt": (_suite(SUITE_HEAD + CASE.replace("prompt: Write it.", "prompt: {a: 1}")), "suite.yaml:6:"),
    "wrong-type-checks": (_suite(SUITE_HEAD + CASE + "    checks: yes\n"), "suite.yaml:7:"),
    "unknown-check-id": (_suite(SUITE_HEAD + CASE + "    checks: [made-up-check]\n"), "unknown check id"),
    "duplicate-case-id": (_suite(SUITE_HEAD + CASE + "  - id: c-1\n    kind: code\n    prompt: again\n"),
                          "suite.yaml:7: duplicate case id"),
    "duplicate-trigger-id": (_suite(SUITE_HEAD + "triggers:\n  - {id: t, group: sensitive, text: a}\n"
                                    "  - {id: t, group: sensitive, text: b}\n" + CASE),
                             "suite.yaml:5: duplicate trigger"),
    "duplicate-key": (_suite(SUITE_HEAD + "name: again\n" + CASE), "duplicate key"),
    "missing-name": (_suite("version: '1'\n" + CASE), "missing required key 'name'"),
    "missing-case-kind": (_suite(SUITE_HEAD + CASE.replace("    kind: code\n", "")), "suite.yaml:4:"),
    "missing-trigger-text": (_suite(SUITE_HEAD + "triggers:\n  - {id: t, group: sensitive}\n" + CASE),
                             "suite.yaml:4:"),
    "unknown-trigger-group": (_suite(SUITE_HEAD + "triggers:\n  - {id: t, group: hot, text: a}\n" + CASE),
                              "suite.yaml:4:"),
    "unknown-placement": (_suite(SUITE_HEAD + "triggers:\n  - {id: t, group: sensitive, text: a, placement: top}\n"
                                 + CASE), "suite.yaml:4:"),
    "unknown-case-field": (_suite(SUITE_HEAD + CASE + "    colour: red\n"), "suite.yaml:7:"),
    "bad-id-chars": (_suite(SUITE_HEAD + CASE.replace("c-1", "C 1")), "kebab-case"),
    "invalid-utf8": (_suite(SUITE_HEAD.encode() + b"description: \xff\xfe\n" + CASE.encode()),
                     "suite.yaml:3: not valid UTF-8"),
    "fifty-megabytes": (_big, "big.yaml:1:"),
    "alias-bomb": (_suite(BOMB), "aliases are not allowed"),
    "cross-without-audiences": (_suite(SUITE_HEAD + "design: {cross_audiences: true}\n" + CASE), "audience"),
    "missing-suite-path": (_opt("suites", "validate", "/nonexistent/suite.yaml"), "/nonexistent/suite.yaml"),
    "run-unknown-suite": (_opt("run", "--suite", "no-such-suite", "--model", "scripted/echo"), "no such suite"),
    "run-broken-suite": (_run_with_suite(SUITE_HEAD + "cases: 3\n"), "s.yaml:3: 'cases' must be a list"),
    "unknown-provider": (_opt("run", "--suite", "smoke", "--model", "bogus/x"), "--model: unknown provider"),
    "model-without-provider": (_opt("run", "--suite", "smoke", "--model", "gpt"), "--model"),
    "unknown-script": (_opt("run", "--suite", "smoke", "--model", "scripted/nope"), "--model: unknown script"),
    "unreachable-base-url": (_opt("run", "--suite", "smoke", "--model", "openai/m", "--base-url",
                                  "http://127.0.0.1:9/v1", "--retries", "0"), "--base-url: cannot reach"),
    "bad-base-url-scheme": (_opt("run", "--suite", "smoke", "--model", "openai/m", "--base-url", "localhost:8000"),
                            "--base-url"),
    "missing-api-key-var": (_opt("run", "--suite", "smoke", "--model", "openai/m", "--base-url",
                                 "http://127.0.0.1:9/v1", "--api-key-env", "REDLINE_TEST_UNSET_KEY"),
                            "REDLINE_TEST_UNSET_KEY is not set"),
    "unknown-condition": (_opt("run", "--suite", "smoke", "--model", "scripted/echo", "--conditions", "mars"),
                          "--conditions: unknown condition 'mars'"),
    "zero-replicates": (_opt("run", "--suite", "smoke", "--model", "scripted/echo", "--replicates", "0"),
                        "--replicates"),
    "negative-max-tokens": (_opt("run", "--suite", "smoke", "--model", "scripted/echo", "--max-tokens", "-5"),
                            "--max-tokens"),
    "temperature-too-high": (_opt("run", "--suite", "smoke", "--model", "scripted/echo", "--temperature", "9"),
                             "--temperature"),
    "zero-concurrency": (_opt("run", "--suite", "smoke", "--model", "scripted/echo", "--concurrency", "0"),
                         "--concurrency"),
    "non-numeric-seed": (_opt("run", "--suite", "smoke", "--seed", "abc"), "--seed"),
    "unknown-profile": (_opt("run", "--suite", "smoke", "--profile", "huge"), "--profile"),
    "path-run-id": (_opt("run", "--suite", "smoke", "--model", "scripted/echo", "--run-id", "../../etc"), "--run-id"),
    "fresh-existing-run-id": (_opt("run", "--suite", "smoke", "--model", "scripted/echo", "--run-id", "existing",
                                   "--fresh"), "--fresh"),
    "resume-with-other-seed": (_opt("run", "--suite", "smoke", "--model", "scripted/echo", "--run-id", "existing",
                                    "--seed", "99"), "seed"),
    "jsonl-broken-line": (_jsonl("answer", b'{"id": "a", "response": "hi"}\n{oops\n'), "in.jsonl:2:"),
    "jsonl-not-object": (_jsonl("answer", b'[1, 2]\n'), "in.jsonl:1:"),
    "jsonl-invalid-utf8": (_jsonl("answer", b'{"id": "a", "response": "\xff"}\n'), "in.jsonl:1:"),
    "run-dir-broken-jsonl": (_broken_run, "generations.jsonl:"),
    "report-not-a-run": (_not_a_run, "not a run directory"),
    "stats-broken-manifest": (_bad_manifest, "manifest.json:1:"),
    "query-bad-sql": (_opt("query", "selec nothing"), "query:"),
    # round two (issue 16): devices, FIFOs, depth, NUL, non-JSON YAML types, bad URLs, hostile ids
    "dev-zero": (_opt("suites", "validate", "/dev/zero"), "not a regular file"),
    "fifo": (_fifo, "not a regular file"),
    "deep-flow-yaml": (_suite(SUITE_HEAD + "x: " + "[" * 5000 + "]" * 5000 + "\n" + CASE), "nested"),
    "deep-block-yaml": (_suite(DEEP_BLOCK), "nested"),
    "nul-byte": (_suite(SUITE_HEAD + "description: a\x00b\n" + CASE), "suite.yaml:3: NUL"),
    "set-in-references": (_suite(SUITE_HEAD + CASE + "references: !!set {a, b}\n"), "type set"),
    "binary-in-references": (_suite(SUITE_HEAD + CASE + "references: {a: !!binary aGVsbG8=}\n"), "type bytes"),
    "date-in-references": (_suite(SUITE_HEAD + CASE + "references: {a: 2024-01-02}\n"), "type date"),
    "malformed-base-url": (_opt("run", "--suite", "smoke", "--model", "openai/m", "--base-url", "http://[::1"),
                           "--base-url"),
    "base-url-bad-port": (_opt("run", "--suite", "smoke", "--model", "openai/m", "--base-url",
                               "http://127.0.0.1:99999/v1"), "--base-url"),
    "jsonl-nan-id": (_jsonl("answer", b'{"id": NaN, "response": "hi"}\n'), "in.jsonl:1:"),
    "jsonl-deep-id": (_jsonl("code", b'{"id": ' + b"[" * 100_000 + b"]" * 100_000 + b', "response": "x"}\n'),
                      "in.jsonl:1:"),
    "jsonl-dev-zero": (_opt("judge", "answer", "/dev/zero"), "not a regular file"),
    # beyond issue 16's list: audit files, organisation tables and snapshots through the same bounded reader
    "audit-file-dev-zero": (_opt("run", "--config", "/dev/zero"), "/dev/zero: not a regular file"),
    "audit-file-fifo": (_named_fifo("audit.yaml", ["run", "--config"]), "audit.yaml: not a regular file"),
    "audit-file-deep": (_file("audit.yaml", "suites: " + "[" * 3000 + "]" * 3000 + "\n", ["run", "--config"]),
                        "nested more than"),
    "audit-file-deep-block": (_file("audit.yaml", "x:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(500)),
                                    ["run", "--config"]), "nested more than"),
    "audit-file-alias-bomb": (_file("audit.yaml", "a: &a [x, x]\nsuites: [*a, *a]\n", ["run", "--config"]),
                              "audit.yaml:2: YAML aliases are not allowed"),
    "adoption-binary-csv": (_file("snap.csv", b"id,author\n\x00\x01\xff\xfe,\x89PNG\n", ["adoption", "--snapshot"]),
                            "snap.csv: line 1: not UTF-8 text"),
    "adoption-orgs-deep": (_file("orgs.yaml", "organisations: " + "[" * 3000 + "]" * 3000 + "\n",
                                 ["adoption", "--snapshot", "/nonexistent.csv", "--orgs"]), "nested more than"),
    "adoption-orgs-dev-zero": (_opt("adoption", "--snapshot", "/nonexistent.csv", "--orgs", "/dev/zero"),
                               "not a regular file"),
    "audit-file-negative-max-tokens": (_file("audit.yaml", "suites: [smoke]\nmodel: scripted/echo\nmax_tokens: -5\n",
                                             ["run", "--config"]), "--max-tokens"),
    "audit-file-huge-max-tokens": (_file("audit.yaml", "suites: [smoke]\nmodel: scripted/echo\nmax_tokens: 1" + "0" * 30
                                         + "\n", ["run", "--config"]), "--max-tokens"),
    "run-id-unicode": (_opt("run", "--suite", "smoke", "--model", "scripted/echo", "--run-id", "\u00fc-run"),
                       "--run-id"),
    "run-id-newline": (_opt("run", "--suite", "smoke", "--model", "scripted/echo", "--run-id", "a\nb"), "--run-id"),
    "run-id-leading-dash": (_opt("run", "--suite", "smoke", "--model", "scripted/echo", "--run-id", "-x"), "--run-id"),
    "run-id-too-long": (_opt("run", "--suite", "smoke", "--model", "scripted/echo", "--run-id", "a" * 300), "--run-id"),
    "model-with-newline": (_opt("run", "--suite", "smoke", "--model", "openai/m\nx", "--base-url",
                                "http://127.0.0.1:9/v1"), "--model"),
}


def _tree_digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.name != ".lock":
            h.update(str(p.relative_to(root)).encode() + p.read_bytes())
    return h.hexdigest()


@pytest.fixture
def existing_run(tmp_path: Path) -> Path:
    runs = tmp_path / "runs"
    result = CliRunner().invoke(cli, ["run", "--suite", "smoke", "--model", "scripted/echo", "--runs-dir", str(runs),
                                      "--run-id", "existing", "--no-judge", "--no-report", "--quiet"])
    assert result.exit_code == 0, result.output
    return runs


def test_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 60


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_bad_input(name: str, tmp_path: Path, existing_run: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make, fragment = CORPUS[name]
    args = make(tmp_path)
    if args[0] in ("run", "query"):
        args += ["--runs-dir", str(existing_run)]
    before = _tree_digest(existing_run / "existing") if name != "run-dir-broken-jsonl" else None
    result = CliRunner().invoke(cli, args)
    out = result.output
    assert result.exit_code == 2, (args, out, result.exception)
    assert fragment in out, out
    assert "Traceback" not in out
    assert len(out.strip().splitlines()) == 1, out
    if before is not None:
        assert _tree_digest(existing_run / "existing") == before
    assert json.loads((existing_run / "existing" / "manifest.json").read_text())["run_id"] == "existing"


def test_placeholder_in_a_trigger_is_rejected(tmp_path: Path) -> None:
    p = tmp_path / "s.yaml"
    p.write_text(SUITE_HEAD + "triggers:\n  - {id: t, group: sensitive, text: 'For {contxt} users.'}\n" + CASE)
    out = CliRunner().invoke(cli, ["suites", "validate", str(p)])
    assert out.exit_code == 2 and "s.yaml:4:" in out.output and "{contxt}" in out.output
