"""Any response body yields a record for its trial (an answer or an error), never an exception that reaches a
worker: malformed fields, odd numbers, deep nesting, list-of-parts content, oversized (and gzip-bombed) bodies."""

from __future__ import annotations

import asyncio
import gzip
import json
import random
from pathlib import Path
from typing import Any

import pytest

from redline.backends.base import GenerationRequest
from redline.backends.openai_http import OpenAIBackend, load_json, parse_response
from redline.backends.retry import RetryPolicy
from redline.errors import BackendError, ConfigError
from redline.records import Generation, Message
from redline.runner.execute import ExecSettings, execute_trials
from redline.store.jsonl import JsonlWriter, read_records
from redline.suites.expand import expand_trials
from redline.suites.loader import resolve_suite
from tests.support.fake_openai import FakeServer, serve

CHAT = GenerationRequest(mode="chat", messages=(Message(role="user", content="hi"),))


def _body(content: Any = "hello", usage: Any = None, finish: Any = "stop", **message: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"choices": [{"message": {"content": content, **message}, "finish_reason": finish}]}
    if usage is not None:
        out["usage"] = usage
    return out


@pytest.mark.parametrize("usage", [{"prompt_tokens": "x"}, {"completion_tokens": 1e999},
                                   {"completion_tokens": -3}, {"prompt_tokens": [1]}, "usage", [1, 2],
                                   {"completion_tokens": True}])
def test_malformed_usage_is_a_retryable_error(usage: Any) -> None:
    with pytest.raises(BackendError) as info:
        parse_response(_body(usage=usage), "chat")
    assert info.value.retryable and info.value.kind == "malformed"


def test_usable_usage_shapes_are_read() -> None:
    r = parse_response(_body(usage={"prompt_tokens": "12", "completion_tokens": 7.0}), "chat")
    assert (r.usage.prompt_tokens, r.usage.completion_tokens) == (12, 7)


@pytest.mark.parametrize("text", ['{"a": NaN}', '{"a": Infinity}', "[" * 100_000 + "]" * 100_000,
                                  '{"x":' * 5000 + "1" + "}" * 5000, "", "\x00", '"\\ud800"'])
def test_hostile_json_is_a_malformed_error(text: str) -> None:
    try:
        data = load_json(text)
    except BackendError as exc:
        assert exc.kind == "malformed"
        return
    with pytest.raises(BackendError):
        parse_response(data, "chat")


def test_list_of_parts_content_is_accepted() -> None:
    parts = [{"type": "text", "text": "Hello, "}, "world", {"type": "text", "text": "!"}]
    assert parse_response(_body(content=parts), "chat").text == "Hello, world!"
    with pytest.raises(BackendError):
        parse_response(_body(content=[{"type": "image", "text": 3}]), "chat")


@pytest.mark.parametrize(("body", "truncated"), [
    (_body(content=None, reasoning_content="thinking about it", finish="length"), True),
    (_body(content="<think>let me think about this", finish="stop"), True),
    (_body(content="<think>done</think>The answer.", finish="stop"), False),
    (_body(content="Half an answ", finish="length"), True)])
def test_truncation_is_flagged(body: dict[str, Any], truncated: bool) -> None:
    assert parse_response(body, "chat").truncated is truncated


def _server_sending(payload: bytes, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    def respond(self: FakeServer, h, body, behaviour):  # type: ignore[no-untyped-def]
        h.send_response(200)
        h.send_header("content-type", "application/json")
        h.send_header("content-length", str(len(payload)))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(payload)
    return respond


def _generate(url: str, **kw: Any) -> Any:
    async def go() -> Any:
        backend = OpenAIBackend("m", base_url=url, **kw)
        try:
            return await backend.generate(CHAT)
        finally:
            await backend.aclose()
    return asyncio.run(go())


def test_gzip_bomb_is_capped_while_decompressing(monkeypatch: pytest.MonkeyPatch) -> None:
    inner = json.dumps(_body(content="A" * 20_000_000)).encode()
    monkeypatch.setattr(FakeServer, "respond", _server_sending(gzip.compress(inner), {"content-encoding": "gzip"}))
    with serve(lambda b, a: "ok") as srv:
        result = _generate(srv.base_url, max_response_bytes=1_000_000)
    # kept as far as it was read, marked capped and truncated (never an error, never a refusal)
    assert result.finish_reason == "capped" and result.truncated
    assert 900_000 < len(result.text) <= 1_000_000 and set(result.text) == {"A"}


@pytest.mark.parametrize("url", ["http://[::1", "http://", "http://localhost:99999/v1", "http://exa mple/v1"])
def test_malformed_base_url_is_a_config_error(url: str) -> None:
    with pytest.raises(ConfigError, match="--base-url"):
        OpenAIBackend("m", base_url=url)


def test_any_response_body_yields_a_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fuzz: 60 seeded bodies (random bytes, mutated valid bodies, hostile numbers), one trial each: every trial
    gets exactly one record, and nothing raises."""
    rng = random.Random(1616)
    valid = json.dumps(_body(usage={"prompt_tokens": 3, "completion_tokens": 4})).encode()
    bodies: list[bytes] = []
    for i in range(60):
        kind = i % 4
        if kind == 0:
            bodies.append(rng.randbytes(rng.randint(0, 300)))
        elif kind == 1:
            b = bytearray(valid)
            for _ in range(rng.randint(1, 6)):
                b[rng.randrange(len(b))] = rng.randrange(256)
            bodies.append(bytes(b))
        elif kind == 2:
            value = rng.choice(['"x"', "NaN", "1e999", "-1", "null", "[]", "{}", "true", '"\\ud800"', "0.5"])
            field = rng.choice(["content", "finish_reason", "prompt_tokens", "choices", "message", "usage"])
            bodies.append(valid.replace(f'"{field}": '.encode(), f'"{field}": {value}, "_{field}": '.encode(), 1))
        else:
            bodies.append(valid[: rng.randrange(len(valid))])
    trials = (expand_trials(resolve_suite("smoke"), replicates=5, code_mode="instruct"))[:60]
    by_prompt = {json.dumps([m.model_dump() for m in t.messages]): bodies[i] for i, t in enumerate(trials)}

    def respond(self: FakeServer, h, body, behaviour):  # type: ignore[no-untyped-def]
        payload = by_prompt.get(json.dumps(body.get("messages")), valid)
        h.send_response(200)
        h.send_header("content-length", str(len(payload)))
        h.end_headers()
        h.wfile.write(payload)

    monkeypatch.setattr(FakeServer, "respond", respond)
    with serve(lambda b, a: "ok") as srv:
        backend = OpenAIBackend("m", base_url=srv.base_url)
        with JsonlWriter(tmp_path / "g.jsonl") as writer:
            summary = asyncio.run(execute_trials(
                trials, backend, writer, settings=ExecSettings(concurrency=4, timeout_s=60,
                                                               retry=RetryPolicy(retries=1, base_s=0.0))))
    gens = list(read_records(tmp_path / "g.jsonl", Generation))
    assert sorted(g.trial_id for g in gens) == sorted(t.trial_id for t in trials)
    assert summary.generated + summary.errors == len(trials)
    assert summary.errors > 0 and summary.generated > 0
    assert all(g.error_kind in ("malformed", None) for g in gens)
