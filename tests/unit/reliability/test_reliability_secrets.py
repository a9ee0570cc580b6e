"""An API key in the environment never reaches a file written by a run, nor the terminal: whatever shape the
endpoint echoes it in (answer, reasoning, error body; raw, upper-cased, JSON-escaped, URL-encoded, base64)."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.config import read_key
from redline.errors import ConfigError
from redline.text import clear_secrets, redact, register_secret
from tests.support.fake_openai import FakeServer, ok_body, serve

KEY = "sk-redline/test+7f3a9c1e5b"
SHAPES = {"raw": KEY, "upper": KEY.upper(), "json": KEY.replace("/", "\\/"), "url": quote(KEY, safe=""),
          "b64": base64.b64encode(f"Bearer {KEY}".encode()).decode(), "b64key": base64.b64encode(KEY.encode()).decode()}
# every shape the key may take in a file (a JSON writer may escape it again): the raw key and each echo
NEEDLES = {KEY, KEY.lower(), KEY.upper(), KEY.replace("/", "\\/"), KEY.replace("/", "\\\\/"), quote(KEY, safe=""),
           SHAPES["b64"], SHAPES["b64key"], "test+7f3a9c1e5b", "7f3a9c1e5b", KEY.encode().hex()}
# echoes a server may also produce (answers only): URL-encoded twice, every character \u-escaped in the text, hex
MORE_SHAPES = ("url2", "uesc", "hex")


def _echo(mode: str, auth: str) -> tuple[int, bytes]:
    where, _, shape = mode.partition(":")
    secret = auth.removeprefix("Bearer ")
    value = {"raw": auth, "upper": auth.upper(), "json": auth.replace("/", "\\/"), "url": quote(secret, safe=""),
             "b64": base64.b64encode(auth.encode()).decode(), "b64key": base64.b64encode(secret.encode()).decode(),
             "url2": quote(quote(secret, safe=""), safe=""), "hex": secret.encode().hex(),
             "uesc": "".join(f"\\\\u{ord(c):04x}" for c in secret)}[shape]  # \\u: a literal backslash in the text
    if where in ("answer", "reasoning"):
        body = ok_body({"messages": []}, text="you sent KEYHERE" if where == "answer" else "ok",
                       reasoning="the header was KEYHERE" if where == "reasoning" else "")
        return 200, json.dumps(body).replace("KEYHERE", value).encode()
    return int(where), ('{"error": "bad key KEYHERE"}'.replace("KEYHERE", value)).encode()


@pytest.fixture(autouse=True)
def _forget_keys():
    yield
    clear_secrets()


@pytest.mark.parametrize("mode", [f"{w}:{s}" for w in ("answer", "reasoning", "500", "401", "400")
                                  for s in SHAPES] + [f"answer:{s}" for s in MORE_SHAPES])
def test_key_never_written_or_echoed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    def respond(self: FakeServer, h, body, behaviour):  # type: ignore[no-untyped-def]
        status, payload = _echo(mode, h.headers.get("Authorization") or "")
        h.send_response(status)
        h.send_header("content-type", "application/json")
        h.send_header("content-length", str(len(payload)))
        h.end_headers()
        h.wfile.write(payload)

    monkeypatch.setattr(FakeServer, "respond", respond)
    monkeypatch.setenv("REDLINE_TEST_KEY", KEY)
    runs = tmp_path / "runs"
    judge = [] if mode.startswith("answer:raw") else ["--no-judge"]  # one mode judged and reported in full
    with serve(lambda b, a: "ok") as srv:
        result = CliRunner().invoke(cli, ["run", "--suite", "smoke", "--model", "openai/m", "--base-url",
                                          srv.base_url, "--api-key-env", "REDLINE_TEST_KEY", "--runs-dir", str(runs),
                                          "--code-mode", "instruct", "--quiet", "--retries", "0", *judge])
        assert srv.headers and all(h.get("Authorization") == f"Bearer {KEY}" for h in srv.headers)
    assert result.exit_code == (0 if mode.startswith(("answer", "reasoning")) else 1), result.output
    assert "Traceback" not in result.output
    written = [p for p in runs.rglob("*") if p.is_file()]
    written += [p for p in Path(os.environ["REDLINE_HOME"]).rglob("*") if p.is_file()]
    assert any(p.name == "generations.jsonl" for p in written)
    if mode.startswith("answer:raw"):
        assert {"report.html", "verdicts.jsonl", "stats.json"} <= {p.name for p in written}
        assert any(p.suffix == ".sqlite" for p in written)
    gens = (runs.rglob("generations.jsonl").__next__()).read_text(encoding="utf-8")
    assert "***" in gens  # the echo was there, and was redacted
    for needle in NEEDLES:
        assert needle.lower() not in result.output.lower()
        for path in written:
            data = path.read_bytes().lower()
            assert needle.lower().encode() not in data, (needle, path)


@pytest.mark.parametrize("bad", ["sk-abc123\r", "sk-abc123\n", " sk-abc123", "sk-abc 123", "sk-abcé123", "sk-\x07x"])
def test_key_with_whitespace_or_non_ascii_is_rejected_up_front(monkeypatch: pytest.MonkeyPatch, bad: str) -> None:
    monkeypatch.setenv("REDLINE_BAD_KEY", bad)
    with pytest.raises(ConfigError) as info:
        read_key("REDLINE_BAD_KEY")
    assert "REDLINE_BAD_KEY" in str(info.value) and "abc" not in str(info.value)


def test_key_with_crlf_is_rejected_by_the_cli_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDLINE_TEST_KEY", KEY + "\r")
    with serve(lambda b, a: "ok") as srv:
        out = CliRunner().invoke(cli, ["run", "--suite", "smoke", "--model", "openai/m", "--base-url", srv.base_url,
                                       "--api-key-env", "REDLINE_TEST_KEY", "--runs-dir", str(tmp_path / "r")])
        assert not srv.requests
    assert out.exit_code == 2 and "whitespace" in out.output and KEY not in out.output


def test_redact_covers_every_form() -> None:
    register_secret(KEY)
    for shape in (*SHAPES.values(), KEY.lower(), json.dumps(KEY)[1:-1], "Authorization: Bearer " + KEY):
        assert "7f3a9c1e5b" not in redact(f"x {shape} y").lower(), shape
        assert redact(f"x {shape} y").startswith("x ")
    assert redact("nothing secret here") == "nothing secret here"
