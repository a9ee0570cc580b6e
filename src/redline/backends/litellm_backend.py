"""Hosted APIs through LiteLLM (``litellm/anthropic/NAME``, ``litellm/gemini/NAME``, ...): optional extra.

``pip install -e '.[litellm]'``. LiteLLM translates each provider's API to OpenAI's response shape, so the
answer, reasoning trace and usage are parsed exactly as for ``openai/`` models; the call's cost is recorded
when LiteLLM can price it. Keys come from ``--api-key-env`` or LiteLLM's usual variables (ANTHROPIC_API_KEY,
GEMINI_API_KEY, ...), are passed per call and never stored; errors are classified like HTTP ones.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from typing import Any

from redline.backends.base import BackendResult, GenerationRequest, Owned
from redline.backends.openai_http import RETRYABLE_STATUS, parse_response
from redline.errors import BackendError, ConfigError
from redline.records import Usage

Completion = Callable[..., Awaitable[Any]]
FATAL_STATUS = {400, 401, 403, 404, 422}


def _litellm() -> Any:
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")  # never fetch the price list at import
    try:
        import litellm
    except ImportError:
        raise ConfigError("--model: litellm/ models need the extra: pip install -e '.[litellm]'") from None
    return litellm


def _as_dict(response: Any) -> Any:
    if isinstance(response, dict):
        return response
    dump = getattr(response, "model_dump", None)
    return dump() if callable(dump) else response


def _cost(response: Any, litellm: Any) -> float | None:
    hidden = getattr(response, "_hidden_params", None)
    if isinstance(hidden, dict) and isinstance(hidden.get("response_cost"), int | float):
        return float(hidden["response_cost"])
    if litellm is None:
        return None
    try:
        return float(litellm.completion_cost(completion_response=response))
    except Exception:  # an unpriced model: no cost rather than a failed trial
        return None


class LiteLLMBackend(Owned):
    """``litellm/PROVIDER/NAME [--base-url URL] [--api-key-env VAR]``."""

    provider = "litellm"
    is_base_model = False

    def __init__(self, model: str, *, base_url: str | None = None, api_key: str | None = None,
                 timeout_s: float = 300.0, max_concurrency: int = 8, completion: Completion | None = None,
                 text_completion: Completion | None = None, **_: Any) -> None:
        if not model:
            raise ConfigError("--model: litellm/ needs a model after it, e.g. litellm/anthropic/claude-sonnet-4-5")
        self.model = model
        self.base_url = base_url.rstrip("/") if base_url else None
        self.max_concurrency = max_concurrency
        self._secret = api_key or ""
        self._timeout_s = timeout_s
        self._completion = completion
        self._text_completion = text_completion

    def identity(self) -> dict[str, Any]:
        import importlib.metadata as md

        try:
            version = md.version("litellm")
        except md.PackageNotFoundError:
            version = "not installed"
        return {"provider": self.provider, "model": self.model, "base_url": self.base_url, "litellm": version}

    def _kwargs(self, request: GenerationRequest) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"model": self.model, "max_tokens": request.max_tokens,
                                  "temperature": request.temperature, "seed": request.seed,
                                  "timeout": self._timeout_s, "num_retries": 0, "drop_params": True}
        if request.stop:
            kwargs["stop"] = list(request.stop)
        if self.base_url:
            kwargs["api_base"] = self.base_url
        if self._secret:
            kwargs["api_key"] = self._secret
        if request.mode == "completion":
            kwargs["prompt"] = request.prompt
        else:
            kwargs["messages"] = [{"role": m.role, "content": m.content} for m in request.messages]
        return kwargs

    def _function(self, mode: str) -> tuple[Completion, Any]:
        injected = self._text_completion if mode == "completion" else self._completion
        if injected is not None:
            return injected, None
        litellm = _litellm()
        return (litellm.atext_completion if mode == "completion" else litellm.acompletion), litellm

    async def generate(self, request: GenerationRequest) -> BackendResult:
        fn, litellm = self._function(request.mode)
        try:
            response = await fn(**self._kwargs(request))
        except Exception as exc:  # LiteLLM maps every provider's failure onto OpenAI-style exception classes
            raise self._classify(exc) from None
        result = parse_response(_as_dict(response), request.mode)
        usage = Usage(prompt_tokens=result.usage.prompt_tokens, completion_tokens=result.usage.completion_tokens,
                      cost_usd=_cost(response, litellm))
        return BackendResult(text=result.text, reasoning=result.reasoning, finish_reason=result.finish_reason,
                             usage=usage)

    def _classify(self, exc: Exception) -> BackendError:
        name = type(exc).__name__
        message = self._redact(str(exc).splitlines()[0] if str(exc) else name)[:200]
        status = getattr(exc, "status_code", None)
        if "Timeout" in name or status == 408:
            return BackendError(f"timeout: {name}", retryable=True, kind="timeout")
        if isinstance(status, int):
            retryable = status in RETRYABLE_STATUS or (status >= 500 and status not in FATAL_STATUS)
            return BackendError(f"HTTP {status}: {name}: {message}", retryable=retryable)
        if "Connection" in name or isinstance(exc, ConnectionError | OSError):
            return BackendError(f"connection error: {name}: {message}", retryable=True)
        return BackendError(f"{name}: {message}", retryable=False)

    def _redact(self, text: str) -> str:
        return text.replace(self._secret, "***") if self._secret else text

    async def aclose(self) -> None:
        return None
