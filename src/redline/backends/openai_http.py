"""OpenAI-compatible HTTP backend (vLLM, SGLang, llama.cpp server, Ollama, hosted APIs).

Payload building and response parsing are pure functions, tested without a server. Errors are classified:
429 / 5xx / timeouts / dropped connections / malformed bodies are retryable; 400 / 401 / 403 / 404 are fatal.
"""

from __future__ import annotations

import json
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from redline.backends.base import BackendResult, BackendTraits, GenerationRequest
from redline.errors import BackendError, ConfigError
from redline.records import Usage
from redline.text import clean_text, redact, register_secret, split_reasoning

RETRYABLE_STATUS = {408, 409, 425, 429, 500, 502, 503, 504}


def build_payload(request: GenerationRequest, model: str, *, extra: dict[str, Any] | None = None
                  ) -> tuple[str, dict[str, Any]]:
    """(endpoint path, JSON body) for a request."""
    body: dict[str, Any] = {"model": model, "max_tokens": request.max_tokens,
                            "temperature": request.temperature, "seed": request.seed}
    if request.stop:
        body["stop"] = list(request.stop)
    if extra:
        body.update(extra)
    if request.mode == "completion":
        body["prompt"] = request.prompt
        return "/completions", body
    body["messages"] = [{"role": m.role, "content": m.content} for m in request.messages]
    return "/chat/completions", body


def parse_response(data: Any, mode: str) -> BackendResult:
    """Text, reasoning trace, finish reason and usage from a response body; malformed bodies are retryable."""
    if not isinstance(data, dict):
        raise BackendError("malformed response: not a JSON object", retryable=True)
    choices = data.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise BackendError("malformed response: no choices", retryable=True)
    choice = choices[0]
    reasoning = ""
    if mode == "completion":
        text = choice.get("text")
    else:
        message = choice.get("message")
        if not isinstance(message, dict):
            raise BackendError("malformed response: choice has no message", retryable=True)
        text = message.get("content") or ""
        reasoning = message.get("reasoning_content") or message.get("reasoning") or ""
    if not isinstance(text, str) or not isinstance(reasoning, str):
        raise BackendError("malformed response: text is not a string", retryable=True)
    answer, trace = split_reasoning(clean_text(text), clean_text(reasoning))
    usage_raw = data.get("usage")
    if not isinstance(usage_raw, dict):
        usage_raw = {}
    usage = Usage(prompt_tokens=int(usage_raw.get("prompt_tokens") or 0),
                  completion_tokens=int(usage_raw.get("completion_tokens") or 0))
    return BackendResult(text=answer, reasoning=trace, finish_reason=str(choice.get("finish_reason") or ""),
                         usage=usage)


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta seconds or an HTTP date)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        from datetime import UTC, datetime

        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


# fatal statuses: what went wrong for the whole run, and the fix the one-line message names
FATAL_FIX = {401: ("auth", "check the API key (the variable --api-key-env names)"),
             403: ("auth", "check the API key and its access to this model (--api-key-env)"),
             404: ("not_found", "check the model name and --base-url"),
             400: ("bad_request", "check --max-tokens, --temperature and the model name for this server"),
             422: ("bad_request", "check --max-tokens, --temperature and the model name for this server")}


def classify_status(status: int, body: str, retry_after: str | None) -> BackendError:
    detail = " ".join(body[:200].split())
    retryable = status in RETRYABLE_STATUS or status >= 500
    if retryable:
        return BackendError(f"HTTP {status}: {detail}", retryable=True, retry_after=retry_after_seconds(retry_after))
    kind, fix = FATAL_FIX.get(status, ("fatal", "check --base-url and the server's logs"))
    return BackendError(f"HTTP {status}: {detail} ({fix})", retryable=False, kind=kind)


class OpenAIBackend:
    """``openai/NAME --base-url URL [--api-key-env VAR]``."""

    provider = "openai"
    is_base_model = False
    traits = BackendTraits(default_concurrency=8, multi_endpoint=True)

    def __init__(self, model: str, *, base_url: str | None = None, api_key: str | None = None,
                 timeout_s: float = 300.0, max_concurrency: int = 8, **_: Any) -> None:
        if not base_url:
            raise ConfigError("--base-url: required for openai/ models (e.g. http://localhost:8000/v1)")
        if not base_url.startswith(("http://", "https://")):
            raise ConfigError(f"--base-url: {base_url!r} must start with http:// or https://")
        self.model = model
        self.base_url = base_url.rstrip("/")
        register_secret(api_key)
        self.max_concurrency = max_concurrency
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        limits = httpx.Limits(max_connections=max_concurrency, max_keepalive_connections=max_concurrency)
        self._client = httpx.AsyncClient(base_url=self.base_url, headers=headers, limits=limits,
                                         timeout=httpx.Timeout(timeout_s, connect=min(10.0, timeout_s)))

    def identity(self) -> dict[str, Any]:
        return {"provider": self.provider, "model": self.model, "base_url": self.base_url}

    async def generate(self, request: GenerationRequest) -> BackendResult:
        path, body = build_payload(request, self.model)
        return parse_response(await self.post_json(path, body), request.mode)

    async def post_json(self, path: str, body: dict[str, Any]) -> Any:
        """POST a JSON body; transport and status failures become classified ``BackendError``s."""
        try:
            resp = await self._client.post(path, json=body)
        except httpx.TimeoutException as exc:
            raise BackendError(f"timeout: {type(exc).__name__}", retryable=True, kind="timeout") from None
        except httpx.TransportError as exc:
            raise BackendError(f"connection error: {type(exc).__name__}: {self._redact(str(exc))}",
                               retryable=True, kind="connection") from None
        if resp.status_code != 200:
            raise classify_status(resp.status_code, self._redact(resp.text), resp.headers.get("retry-after"))
        try:
            data = resp.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise BackendError("malformed response: invalid JSON", retryable=True) from None
        return data

    def _redact(self, text: str) -> str:
        """Endpoints sometimes echo the request: never let the key reach an error message or a file."""
        return redact(text)

    def preflight(self) -> None:
        """Fail fast with a one-line error when the endpoint cannot be reached at all (any HTTP answer is fine).

        Uses its own short-lived client: the async client belongs to the event loop of the generation stage.
        """
        try:
            httpx.get(self.base_url + "/models", timeout=10.0)
        except httpx.TransportError as exc:
            raise ConfigError(f"--base-url: cannot reach {self.base_url} ({type(exc).__name__})") from None

    async def aclose(self) -> None:
        await self._client.aclose()
