from __future__ import annotations

import asyncio

import pytest

from redline.backends.base import GenerationRequest, split_reasoning
from redline.backends.openai_http import OpenAIBackend, build_payload, parse_response, retry_after_seconds
from redline.errors import BackendError, ConfigError
from redline.records import Message
from tests.support.fake_openai import always, serve

CHAT = GenerationRequest(mode="chat", messages=(Message(role="user", content="hi"),), max_tokens=9, seed=4)
COMPLETION = GenerationRequest(mode="completion", prompt="def f():", max_tokens=9)


def test_build_payload_chat_and_completion() -> None:
    path, body = build_payload(CHAT, "m")
    assert path == "/chat/completions" and body["messages"] == [{"role": "user", "content": "hi"}]
    assert body["max_tokens"] == 9 and body["seed"] == 4 and body["model"] == "m"
    path, body = build_payload(COMPLETION, "m")
    assert path == "/completions" and body["prompt"] == "def f():" and "messages" not in body


def test_parse_response_reasoning_field_and_think_blocks() -> None:
    r = parse_response({"choices": [{"message": {"content": "A", "reasoning_content": "R"}, "finish_reason": "stop"}],
                        "usage": {"completion_tokens": 3}}, "chat")
    assert (r.text, r.reasoning, r.finish_reason, r.usage.completion_tokens) == ("A", "R", "stop", 3)
    r = parse_response({"choices": [{"message": {"content": "<think>plan\nmore</think>\nAnswer"}}]}, "chat")
    assert (r.text, r.reasoning) == ("Answer", "plan\nmore")
    assert split_reasoning("thinking only</think>done") == ("done", "thinking only")
    assert split_reasoning("    code()\n") == ("    code()\n", "")  # completions keep indentation


@pytest.mark.parametrize("data", [None, [], {}, {"choices": []}, {"choices": [{}]}, {"choices": [{"message": 3}]},
                                  {"choices": [{"message": {"content": 5}}]}])
def test_parse_response_malformed_is_retryable(data: object) -> None:
    with pytest.raises(BackendError) as info:
        parse_response(data, "chat")
    assert info.value.retryable


def test_retry_after_parsing() -> None:
    assert retry_after_seconds("3") == 3.0
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert retry_after_seconds("soon") is None


def call(base_url: str, request: GenerationRequest = CHAT, timeout_s: float = 5.0, api_key: str | None = None):
    async def go():
        backend = OpenAIBackend("m", base_url=base_url, timeout_s=timeout_s, api_key=api_key)
        try:
            return await backend.generate(request)
        finally:
            await backend.aclose()
    return asyncio.run(go())


@pytest.mark.parametrize(("behaviour", "retryable"), [
    ("429", True), ("500", True), ("503", True), ("malformed", True), ("truncated", True), ("empty", True),
    ("reset", True), ("401", False), ("404", False), ("400", False)])
def test_http_errors_are_classified(behaviour: str, retryable: bool) -> None:
    with serve(always(behaviour)) as srv:
        with pytest.raises(BackendError) as info:
            call(srv.base_url)
    assert info.value.retryable is retryable


def test_http_timeout_is_retryable() -> None:
    with serve(always("slow"), slow_s=1.0) as srv:
        with pytest.raises(BackendError) as info:
            call(srv.base_url, timeout_s=0.2)
    assert info.value.retryable and info.value.kind == "timeout"


def test_http_success_reasoning_and_auth_header() -> None:
    with serve(always("reasoning")) as srv:
        r = call(srv.base_url, api_key="sk-test-123")
        assert (r.text, r.reasoning) == ("final answer", "step by step")
        assert srv.headers[0]["Authorization"] == "Bearer sk-test-123"
    with serve(always("think")) as srv:
        r = call(srv.base_url)
        assert (r.text, r.reasoning) == ("final answer", "plan it")
    with serve(always("ok")) as srv:
        r = call(srv.base_url, COMPLETION)
        assert r.text.startswith("answer to:") and srv.requests[0]["prompt"] == "def f():"


def test_base_url_validation() -> None:
    with pytest.raises(ConfigError, match="--base-url"):
        OpenAIBackend("m", base_url=None)
    with pytest.raises(ConfigError, match="--base-url"):
        OpenAIBackend("m", base_url="ftp://x")


def test_content_filter_status_is_a_block_not_an_error() -> None:
    """Issue 12: a provider's content filter is an outcome (kind ``blocked``, never retried)."""
    from redline.backends.openai_http import classify_status

    err = classify_status(400, '{"error": {"code": "content_filter", "message": "filtered"}}', None)
    assert err.kind == "blocked" and not err.retryable
    assert classify_status(451, "", None).kind == "blocked"
    # issue 16: a fatal error, named
    assert classify_status(400, '{"error": "bad request: max_tokens"}', None).kind == "bad_request"
    assert classify_status(429, "content_filter", None).kind == "retryable"


def test_replicates_at_temperature_zero_are_refused() -> None:
    import pytest

    from redline.config import make_config
    from redline.errors import ConfigError
    from redline.pipeline.plan import check_replicates

    cfg = make_config(model="openai/m", base_url="http://x", replicates=3, temperature=0.0)
    with pytest.raises(ConfigError, match="copies of one answer"):
        check_replicates(cfg, seed_varies_greedy=False)
    assert "varied seeds" in check_replicates(cfg, seed_varies_greedy=True)
    sampled = make_config(model="openai/m", base_url="http://x", replicates=3, temperature=0.7)
    assert "sampled" in check_replicates(sampled, seed_varies_greedy=False)
    assert make_config(model="openai/m", base_url="http://x", profile="standard").temperature == 0.7
