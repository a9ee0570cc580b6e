"""An API key in the environment never reaches a file written by a run, nor an error message."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import cli
from tests.support.fake_openai import FakeServer, serve

KEY = "sk-redline-test-7f3a9c1e5b"


def echoing(body: dict, attempt: int) -> str:
    return "echo" if "capital" in str(body) or "首都" in str(body) else "ok"


def test_key_never_written_or_echoed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def respond(self: FakeServer, h, body, behaviour):  # type: ignore[no-untyped-def]
        if behaviour == "echo":  # a server that echoes the request headers in its error, as some do
            payload = f'{{"error": "bad request from {h.headers.get("Authorization")}"}}'.encode()
            h.send_response(400)
            h.send_header("content-length", str(len(payload)))
            h.end_headers()
            h.wfile.write(payload)
            return
        original(self, h, body, behaviour)

    original = FakeServer.respond
    monkeypatch.setattr(FakeServer, "respond", respond)
    monkeypatch.setenv("REDLINE_TEST_KEY", KEY)
    runs = tmp_path / "runs"
    with serve(echoing) as srv:
        result = CliRunner().invoke(cli, ["run", "--suite", "smoke", "--model", "openai/m", "--base-url",
                                          srv.base_url, "--api-key-env", "REDLINE_TEST_KEY", "--runs-dir", str(runs),
                                          "--code-mode", "instruct", "--quiet", "--retries", "0"])
        assert all(h.get("Authorization") == f"Bearer {KEY}" for h in srv.headers)
    assert result.exit_code == 0, result.output
    assert KEY not in result.output
    written = [p for p in runs.rglob("*") if p.is_file()]
    written += [p for p in Path(os.environ["REDLINE_HOME"]).rglob("*") if p.is_file()]
    assert any(p.name == "generations.jsonl" for p in written) and any(p.suffix == ".sqlite" for p in written)
    errors = [line for p in written if p.name == "generations.jsonl" for line in p.read_text().splitlines()
              if '"error":"HTTP 400' in line]
    assert errors and all("***" in line for line in errors)  # the echoed key was redacted
    for path in written:
        assert KEY.encode() not in path.read_bytes(), path
