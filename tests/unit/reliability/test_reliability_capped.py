"""An answer over the response size cap (decompressed size included) is kept and marked ``capped``: a cut-off
answer (truncated; degenerate or ``truncated``, never a refusal or a kill switch), never an error, never cached,
and the run warns naming the setting that lifts the cap (issue 16, "Robust parsing" and "Why" 8)."""

from __future__ import annotations

import asyncio
import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from redline.backends.base import GenerationRequest
from redline.backends.openai_http import MAX_RESPONSE_ENV, OpenAIBackend, capped_result
from redline.cli import cli
from redline.errors import BackendError
from redline.records import Message
from redline.stats.observations import load_observations
from redline.store.run_dir import RunDir
from tests.support.fake_openai import FakeServer, serve

CAP = 200_000
REFUSAL = "I'm sorry, but I cannot help with that request. "


def _bomb(content: str, **message: Any) -> bytes:
    body = {"choices": [{"message": {"role": "assistant", "content": content, **message}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1}}
    return gzip.compress(json.dumps(body).encode())


def _sending(payload: bytes, status: int = 200):  # type: ignore[no-untyped-def]
    def respond(self: FakeServer, h, body, behaviour):  # type: ignore[no-untyped-def]
        h.send_response(status)
        h.send_header("content-type", "application/json")
        h.send_header("content-encoding", "gzip")
        h.send_header("content-length", str(len(payload)))
        h.end_headers()
        h.wfile.write(payload)
    return respond


def _run(runs: Path, url: str, *extra: str) -> Any:
    return CliRunner().invoke(cli, ["run", "--suite", "smoke", "--model", "openai/m", "--base-url", url,
                                    "--runs-dir", str(runs), "--code-mode", "instruct", "--quiet", "--no-report",
                                    "--retries", "0", *extra])


def test_gzip_bombed_answer_is_kept_capped_and_judged_as_cut_off(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MAX_RESPONSE_ENV, str(CAP))
    monkeypatch.setattr(FakeServer, "respond", _sending(_bomb(REFUSAL + "A" * 30_000_000)))
    runs = tmp_path / "runs"
    with serve(lambda b, a: "ok") as srv:
        out = _run(runs, srv.base_url)
    assert out.exit_code == 0, out.output  # no trial ended in error
    assert f"cut at the response size cap and kept as cut off; raise {MAX_RESPONSE_ENV}" in out.output
    run = RunDir(next(runs.iterdir()))
    gens = run.generations()
    assert gens and all(g.ok and g.truncated and g.finish_reason == "capped" for g in gens.values())
    assert all(g.text.startswith(REFUSAL) and len(g.text) <= CAP for g in gens.values())
    assert run.generations_path.stat().st_size < len(gens) * CAP * 1.1  # 30 MB each on the wire: never stored
    verdicts = list(run.verdicts().values())
    assert verdicts and not [v for v in verdicts if v.kill_switch]
    assert not [v for v in verdicts if v.label in ("refusal", "deflection", "refused")]
    answers = [v for v in verdicts if v.judge.startswith("answer")]
    assert answers and all(v.label == "degenerate" for v in answers)
    code = [o for o in load_observations(run.load()).observations if o.kind == "code"]
    assert code and all(o.label == "truncated" for o in code)  # no usable code, counted as cut off


def test_capped_answers_are_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MAX_RESPONSE_ENV, str(CAP))
    monkeypatch.setattr(FakeServer, "respond", _sending(_bomb("B" * 1_000_000)))
    runs = tmp_path / "runs"
    with serve(lambda b, a: "ok") as srv:
        first = _run(runs, srv.base_url, "--no-judge", "--run-id", "one")
        sent = len(srv.requests)
        second = _run(runs, srv.base_url, "--no-judge", "--run-id", "two")  # a new run: would hit the cache
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert sent > 0 and len(srv.requests) == 2 * sent  # every capped answer asked again (the cap may be raised)
    assert not [g for g in RunDir(runs / "two").generations().values() if g.cached]


def test_an_error_status_with_a_bombed_body_is_still_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FakeServer, "respond", _sending(_bomb("C" * 30_000_000), status=503))

    async def go() -> Any:
        backend = OpenAIBackend("m", base_url=srv.base_url, max_response_bytes=CAP)
        try:
            return await backend.generate(GenerationRequest(mode="chat", messages=(Message(role="user",
                                                                                           content="hi"),)))
        finally:
            await backend.aclose()

    with serve(lambda b, a: "ok") as srv, pytest.raises(BackendError) as info:
        asyncio.run(go())
    assert info.value.retryable and "503" in str(info.value) and len(str(info.value)) < 400


@pytest.mark.parametrize(("raw", "mode", "text", "reasoning"), [
    (b'{"id": "x\\"content\\": \\"no", "choices": [{"message": {"content": "Hel\\"lo \\u00e9t\\u00e', "chat",
     'Hel"lo \u00e9t', ""),  # a key inside another string is skipped; a \\u escape cut in half is dropped
    (b'{"choices": [{"message": {"content": "done"}}]} trailing', "chat", "done", ""),
    (b'{"choices": [{"message": {"reasoning_content": "let me think about', "chat", "", "let me think about"),
    (b'{"choices": [{"text": "def f():\\n    return 1\\', "completion", "def f():\n    return 1", ""),
    (b'\x1f\x8b garbage', "chat", "", ""),
    (b'{"choices": [{"message": {"content": "\xff\xfe bad utf-8 \xe4\xb8', "chat", "\ufffd\ufffd bad utf-8 \ufffd", ""),
])
def test_capped_body_salvage(raw: bytes, mode: str, text: str, reasoning: str) -> None:
    result = capped_result(raw, mode)
    assert (result.text, result.reasoning) == (text, reasoning)
    assert result.finish_reason == "capped" and result.truncated


def test_post_json_still_refuses_an_oversized_body(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FakeServer, "respond", _sending(_bomb("D" * 3_000_000)))

    async def go() -> Any:
        backend = OpenAIBackend("m", base_url=srv.base_url, max_response_bytes=CAP)
        try:
            return await backend.post_json("/chat/completions", {"model": "m"})
        finally:
            await backend.aclose()

    with serve(lambda b, a: "ok") as srv, pytest.raises(BackendError) as info:
        asyncio.run(go())
    assert info.value.kind == "too_large" and MAX_RESPONSE_ENV in str(info.value)
