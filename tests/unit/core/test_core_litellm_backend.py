"""The LiteLLM backend: requests built per mode, OpenAI-shaped answers parsed, cost recorded, errors classified,
keys never in messages. A stubbed completion function everywhere; LiteLLM's own mock_response where installed."""

from __future__ import annotations

import asyncio
import functools
from typing import Any

import pytest

from redline.backends.base import Backend, GenerationRequest
from redline.backends.litellm_backend import LiteLLMBackend
from redline.errors import BackendError, ConfigError
from redline.records import Message
from redline.registry import backend_class

CHAT = GenerationRequest(mode="chat", messages=(Message(role="user", content="Write a function."),), max_tokens=32,
                         seed=7, stop=("###",))
COMPLETION = GenerationRequest(mode="completion", prompt="def f(x):\n", max_tokens=16)


class Stub:
    def __init__(self, response: Any = None, error: Exception | None = None) -> None:
        self.calls: list[dict[str, Any]] = []
        self.response = response
        self.error = error

    async def __call__(self, **kwargs: Any) -> Any:
        self.calls.append(kwargs)
        if self.error is not None:
            raise self.error
        return self.response


class Priced:
    """A response object as LiteLLM returns it: model_dump() and a response cost in hidden params."""

    _hidden_params = {"response_cost": 0.00042}

    def model_dump(self) -> dict[str, Any]:
        return {"choices": [{"message": {"content": "<think>plan</think>def f(): pass",
                                         "reasoning_content": "first"}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 11, "completion_tokens": 5}}


class ProviderError(Exception):
    def __init__(self, message: str, status_code: int | None) -> None:
        super().__init__(message)
        self.status_code = status_code


def run(backend: LiteLLMBackend, request: GenerationRequest):
    return asyncio.run(backend.generate(request))


def test_registered_and_follows_the_protocol() -> None:
    cls = backend_class("litellm")
    backend = cls("anthropic/claude-x", api_key="sk-secret-1")
    assert cls is LiteLLMBackend and isinstance(backend, Backend)
    ident = backend.identity()
    assert ident["provider"] == "litellm" and ident["model"] == "anthropic/claude-x"
    assert "sk-secret-1" not in repr(ident)
    with pytest.raises(ConfigError):
        LiteLLMBackend("")


def test_chat_request_and_parsed_answer() -> None:
    stub = Stub(Priced())
    backend = LiteLLMBackend("anthropic/claude-x", base_url="https://proxy.invalid/v1/", api_key="sk-secret-1",
                             completion=stub, timeout_s=30)
    result = run(backend, CHAT)
    call = stub.calls[0]
    assert call["model"] == "anthropic/claude-x" and call["messages"] == [{"role": "user",
                                                                            "content": "Write a function."}]
    assert call["max_tokens"] == 32 and call["seed"] == 7 and call["stop"] == ["###"] and call["num_retries"] == 0
    assert call["api_base"] == "https://proxy.invalid/v1" and call["api_key"] == "sk-secret-1" and call["timeout"] == 30
    assert result.text == "def f(): pass" and result.reasoning == "first\nplan" and result.finish_reason == "stop"
    assert result.usage.prompt_tokens == 11 and result.usage.completion_tokens == 5
    assert result.usage.cost_usd == pytest.approx(0.00042)


def test_completion_mode_uses_text_completion() -> None:
    text = Stub({"choices": [{"text": "    return x", "finish_reason": "length"}], "usage": {"completion_tokens": 3}})
    chat = Stub()
    backend = LiteLLMBackend("m", completion=chat, text_completion=text)
    result = run(backend, COMPLETION)
    assert not chat.calls and text.calls[0]["prompt"] == "def f(x):\n" and "messages" not in text.calls[0]
    assert result.text == "    return x" and result.usage.completion_tokens == 3 and result.usage.cost_usd is None


@pytest.mark.parametrize(("error", "retryable", "kind"), [
    (ProviderError("rate limited", 429), True, "retryable"),
    (ProviderError("overloaded", 529), True, "retryable"),
    (ProviderError("bad key sk-secret-1", 401), False, "fatal"),
    (ProviderError("no such model", 404), False, "fatal"),
    (type("Timeout", (Exception,), {})("slow"), True, "timeout"),
    (type("APIConnectionError", (Exception,), {})("refused"), True, "retryable"),
    (ValueError("odd"), False, "fatal"),
])
def test_errors_are_classified_and_redacted(error: Exception, retryable: bool, kind: str) -> None:
    backend = LiteLLMBackend("m", api_key="sk-secret-1", completion=Stub(error=error))
    with pytest.raises(BackendError) as caught:
        run(backend, CHAT)
    assert caught.value.retryable is retryable and caught.value.kind == kind
    assert "sk-secret-1" not in str(caught.value)


def test_malformed_response_is_retryable() -> None:
    backend = LiteLLMBackend("m", completion=Stub({"choices": []}))
    with pytest.raises(BackendError) as caught:
        run(backend, CHAT)
    assert caught.value.retryable


def test_litellm_mock_response(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LITELLM_LOCAL_MODEL_COST_MAP", "True")  # the price list shipped with litellm, no fetch
    litellm = pytest.importorskip("litellm")
    backend = LiteLLMBackend("anthropic/claude-haiku-4-5",
                             completion=functools.partial(litellm.acompletion, mock_response="def f(): return 1"))
    result = run(backend, CHAT)
    assert result.text == "def f(): return 1"
    assert result.usage.prompt_tokens > 0 and result.usage.completion_tokens > 0
    assert result.usage.cost_usd is not None and result.usage.cost_usd > 0
    unpriced = LiteLLMBackend("anthropic/not-a-listed-model",
                              completion=functools.partial(litellm.acompletion, mock_response="x"))
    assert run(unpriced, CHAT).usage.cost_usd is None  # an unpriced model costs "unknown", not a failed trial


def test_missing_extra_is_one_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real = builtins.__import__

    def no_litellm(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "litellm":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_litellm)
    with pytest.raises(ConfigError, match=r"pip install -e '\.\[litellm\]'"):
        run(LiteLLMBackend("m"), CHAT)
