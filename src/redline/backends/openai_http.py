"""OpenAI-compatible HTTP backend (vLLM, SGLang, llama.cpp server, Ollama, hosted APIs).

Payload building and response parsing are pure functions, tested without a server. Errors are classified:
429 / 5xx / timeouts / dropped connections / malformed bodies are retryable; 400 / 401 / 403 / 404 are fatal.
"""

from __future__ import annotations

import json
import math
import re
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from redline.backends.base import (
    BLOCKED,
    CAPPED,
    BackendResult,
    BackendTraits,
    GenerationRequest,
    Owned,
    is_provider_block,
)
from redline.errors import BackendError, ConfigError
from redline.records import Usage
from redline.text import clean_text, redact, register_secret, register_url_secrets, split_reasoning

RETRYABLE_STATUS = {408, 409, 425, 429, 500, 502, 503, 504}
MAX_RESPONSE_ENV = "REDLINE_MAX_RESPONSE_BYTES"
MAX_RESPONSE_BYTES = 8 * 1024 * 1024
MAX_JSON_DEPTH = 64


def json_depth_ok(text: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether brackets nest at most ``limit`` deep (strings skipped), checked before parsing: a body nested
    100,000 deep must not reach the recursive parser."""
    if text.count("[") + text.count("{") <= limit:
        return True
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return False
        elif ch in "]}":
            depth -= 1
    return True


def load_json(text: str) -> Any:
    """A response body as JSON, or a retryable malformed-response error (never another exception)."""
    if not json_depth_ok(text):
        raise BackendError(f"malformed response: JSON nested over {MAX_JSON_DEPTH} deep", retryable=True,
                           kind="malformed")
    try:
        return json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise BackendError("malformed response: invalid JSON", retryable=True, kind="malformed") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


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


def _malformed(what: str) -> BackendError:
    return BackendError(f"malformed response: {what}", retryable=True, kind="malformed")


def _text_of(value: Any, field: str) -> str:
    """A text field: a string, null, or a list of parts (``{"type": "text", "text": ...}`` or strings)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = []
        for part in value:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict) and isinstance(part.get("text", ""), str):
                parts.append(part.get("text", ""))
            else:
                raise _malformed(f"{field} has a part that is not text")
        return "".join(parts)
    raise _malformed(f"{field} is not a string")


def _count(value: Any, field: str) -> int:
    """A token count: a non-negative integer (an integral float or a digit string is accepted)."""
    if value is None:
        return 0
    if isinstance(value, bool):
        raise _malformed(f"usage.{field} is not a number")
    if isinstance(value, str) and value.strip().isdigit() and len(value) < 16:
        return int(value)
    if isinstance(value, int) and 0 <= value < 2**53:
        return value
    if isinstance(value, float) and value.is_integer() and 0 <= value < 2**53:
        return int(value)
    raise _malformed(f"usage.{field} is not a token count")


def unclosed_reasoning(text: str) -> bool:
    """True when the last ``<think>`` block is never closed: the model was cut off while reasoning."""
    return "<think>" in text and "</think>" not in text[text.rfind("<think>"):]


def parse_response(data: Any, mode: str) -> BackendResult:
    """Text, reasoning trace, finish reason and usage from a response body; any malformed field is a retryable
    ``BackendError`` (never another exception), so one odd answer costs one trial, not the run."""
    if not isinstance(data, dict):
        raise _malformed("not a JSON object")
    choices = data.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise _malformed("no choices")
    choice = choices[0]
    reasoning = ""
    if mode == "completion":
        text = _text_of(choice.get("text"), "text")
    else:
        message = choice.get("message")
        if not isinstance(message, dict):
            raise _malformed("choice has no message")
        text = _text_of(message.get("content"), "content")
        reasoning = _text_of(message.get("reasoning_content") or message.get("reasoning"), "reasoning")
    finish = choice.get("finish_reason")
    if finish is not None and not isinstance(finish, str):
        raise _malformed("finish_reason is not a string")
    finish = clean_text(finish or "")[:40]
    text, reasoning = clean_text(text), clean_text(reasoning)
    answer, trace = split_reasoning(text, reasoning)
    usage_raw = data.get("usage")
    if usage_raw is not None and not isinstance(usage_raw, dict):
        raise _malformed("usage is not an object")
    usage_raw = usage_raw or {}
    usage = Usage(prompt_tokens=_count(usage_raw.get("prompt_tokens"), "prompt_tokens"),
                  completion_tokens=_count(usage_raw.get("completion_tokens"), "completion_tokens"))
    truncated = finish == "length" or unclosed_reasoning(text)
    return BackendResult(text=answer, reasoning=trace, finish_reason=finish, usage=usage, truncated=truncated)


_FIELD = {"content": re.compile(r'(?<!\\)"content"\s*:\s*"'), "text": re.compile(r'(?<!\\)"text"\s*:\s*"'),
          "reasoning": re.compile(r'(?<!\\)"reasoning(?:_content)?"\s*:\s*"')}
_PIECE = re.compile(r'[^"\\]+|\\u[0-9a-fA-F]{4}|\\["\\/bfnrt]')


def _string_prefix(text: str, field: str) -> str:
    """What a cut-off body holds of the JSON string ``field`` (its first occurrence), decoded; "" if none."""
    match = _FIELD[field].search(text)
    if match is None:
        return ""
    out: list[str] = []
    pos = match.end()
    while (piece := _PIECE.match(text, pos)) is not None:  # stops at the closing quote or a cut/odd escape
        out.append(piece.group())
        pos = piece.end()
    try:
        value = json.loads('"' + "".join(out) + '"')
    except ValueError:
        return ""
    return value if isinstance(value, str) else ""


def capped_result(raw: bytes, mode: str) -> BackendResult:
    """A 200 answer cut at the size cap: the text it holds so far (best effort: the body is unfinished JSON),
    marked ``capped`` and truncated, so judges and statistics treat it as a cut-off answer."""
    text = raw.decode("utf-8", "replace")
    answer = _string_prefix(text, "text" if mode == "completion" else "content")
    reasoning = "" if mode == "completion" else _string_prefix(text, "reasoning")
    answer, trace = split_reasoning(clean_text(answer), clean_text(reasoning))
    return BackendResult(text=answer, reasoning=trace, finish_reason=CAPPED, truncated=True)


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta seconds or an HTTP date)."""
    if not value:
        return None
    try:
        seconds = float(value)
        return max(0.0, seconds) if math.isfinite(seconds) else None
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
    if is_provider_block(status, body):  # a content filter: not retried, counted as an outcome (blocked)
        return BackendError(f"HTTP {status} (blocked by the provider): {detail}", retryable=False, kind=BLOCKED)
    retryable = status in RETRYABLE_STATUS or status >= 500
    if retryable:
        return BackendError(f"HTTP {status}: {detail}", retryable=True, retry_after=retry_after_seconds(retry_after))
    kind, fix = FATAL_FIX.get(status, ("fatal", "check --base-url and the server's logs"))
    return BackendError(f"HTTP {status}: {detail} ({fix})", retryable=False, kind=kind)


def served_entry(body: bytes, model: str) -> dict[str, Any] | None:
    """The ``/models`` entry naming ``model`` (its id, root, creation time, owner), or None when the answer has
    none; an unreadable answer is None too (the preflight only checks reachability)."""
    try:
        data = load_json(body.decode("utf-8", "replace"))
    except BackendError:
        return None
    entries = data.get("data") if isinstance(data, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and entry.get("id") == model:
            return {k: entry[k] for k in ("id", "root", "created", "owned_by", "parent")
                    if isinstance(entry.get(k), str | int) and not isinstance(entry.get(k), bool)}
    return None


def _env_bytes() -> int:
    import os

    value = os.environ.get(MAX_RESPONSE_ENV, "")
    if not value:
        return MAX_RESPONSE_BYTES
    if not value.isdigit() or not 0 < int(value) < 2**40:
        raise ConfigError(f"{MAX_RESPONSE_ENV}: {value[:40]!r} is not a byte count")
    return int(value)


class OpenAIBackend(Owned):
    """``openai/NAME --base-url URL [--api-key-env VAR]``."""

    provider = "openai"
    is_base_model = False
    traits = BackendTraits(default_concurrency=8, multi_endpoint=True)

    def __init__(self, model: str, *, base_url: str | None = None, api_key: str | None = None,
                 timeout_s: float = 300.0, max_concurrency: int = 8, max_response_bytes: int | None = None,
                 **_: Any) -> None:
        if not base_url:
            raise ConfigError("--base-url: required for openai/ models (e.g. http://localhost:8000/v1)")
        register_url_secrets(base_url)  # user:password@ or ?api_key= in the URL: redacted like a key
        if not base_url.startswith(("http://", "https://")):
            raise ConfigError(f"--base-url: {base_url!r} must start with http:// or https://")
        try:
            url = httpx.URL(base_url)
            if not url.host or any(ch.isspace() for ch in base_url):
                raise ValueError("no host")
            if url.port is not None and not 0 < url.port < 65536:
                raise ValueError(f"port {url.port}")
        except (httpx.InvalidURL, ValueError, TypeError) as exc:
            raise ConfigError(f"--base-url: {base_url!r} is not a valid URL ({exc})") from None
        self.model = model
        self.base_url = base_url.rstrip("/")
        self.timeout_s = timeout_s
        self.served: dict[str, Any] | None = None  # the server's /models entry for this model (preflight)
        register_secret(api_key)
        self.max_concurrency = max_concurrency
        self.max_response_bytes = max_response_bytes or _env_bytes()
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        limits = httpx.Limits(max_connections=max_concurrency, max_keepalive_connections=max_concurrency)
        self._client = httpx.AsyncClient(base_url=self.base_url, headers=headers, limits=limits,
                                         timeout=httpx.Timeout(timeout_s, connect=min(10.0, timeout_s)))

    def identity(self) -> dict[str, Any]:
        """What answers: provider, name, URL and, once the preflight has asked, the server's own ``/models``
        entry for the name (so the cache never answers for a different model served under the same name)."""
        out: dict[str, Any] = {"provider": self.provider, "model": self.model, "base_url": self.base_url}
        if self.served is not None:
            out["served"] = self.served
        return out

    async def generate(self, request: GenerationRequest) -> BackendResult:
        path, body = build_payload(request, self.model)
        return await self.complete(path, body, request.mode)

    async def complete(self, path: str, body: dict[str, Any], mode: str) -> BackendResult:
        """POST a request and parse the answer. An answer over ``max_response_bytes`` (decompressed) is kept as
        far as it was read and marked ``capped`` (finish reason ``capped``, truncated): a cut-off answer, never an
        error and never a refusal."""
        raw, capped = await self._post(path, body)
        if capped:
            return capped_result(raw, mode)
        return parse_response(load_json(raw.decode("utf-8", "replace")), mode)

    async def post_json(self, path: str, body: dict[str, Any]) -> Any:
        """POST a JSON body and return the parsed answer; an answer over the cap is a ``too_large`` error here
        (callers that want the capped answer kept use ``complete``)."""
        raw, capped = await self._post(path, body)
        if capped:
            raise BackendError(f"response over {self.max_response_bytes} bytes (decompressed); raise "
                               f"{MAX_RESPONSE_ENV} if the answers are really that long", retryable=False,
                               kind="too_large")
        return load_json(raw.decode("utf-8", "replace"))

    async def _post(self, path: str, body: dict[str, Any]) -> tuple[bytes, bool]:
        """(body as read, whether it was cut at the cap) of a 200 answer; transport and status failures become
        classified ``BackendError``s. The body is read decompressed, up to ``max_response_bytes`` (a gzip bomb or
        an endless answer stops there)."""
        try:
            async with self._client.stream("POST", path, json=body) as resp:
                raw, capped = await self._read_capped(resp)
        except httpx.TimeoutException as exc:
            raise BackendError(f"timeout: {type(exc).__name__}", retryable=True, kind="timeout") from None
        except (httpx.TransportError, httpx.DecodingError) as exc:
            raise BackendError(f"connection error: {type(exc).__name__}: {self._redact(str(exc))}",
                               retryable=True, kind="connection") from None
        if resp.status_code != 200:
            raise classify_status(resp.status_code, self._redact(raw.decode("utf-8", "replace")),
                                  resp.headers.get("retry-after"))
        return raw, capped

    async def _read_capped(self, resp: httpx.Response) -> tuple[bytes, bool]:
        chunks: list[bytes] = []
        size = 0
        async for chunk in resp.aiter_bytes():
            if size + len(chunk) > self.max_response_bytes:
                chunks.append(chunk[:self.max_response_bytes - size])
                return b"".join(chunks), True  # stop reading: the rest is never decompressed
            size += len(chunk)
            chunks.append(chunk)
        return b"".join(chunks), False

    def _redact(self, text: str) -> str:
        """Endpoints sometimes echo the request: never let the key reach an error message or a file."""
        return redact(text)

    def preflight(self) -> None:
        """Fail fast with a one-line error when the endpoint cannot be reached at all (any HTTP answer is fine).

        Uses its own short-lived client (the async client belongs to the event loop of the generation stage),
        in a thread given the run's timeout (at most 10 s) for the whole exchange: a server trickling its headers
        or body cannot hold it open. One that answers that slowly counts as reachable; the trials' own timeouts
        and the circuit breaker deal with it.
        """
        import threading

        limit = min(10.0, self.timeout_s)
        client = httpx.Client(timeout=limit)
        outcome: dict[str, Any] = {}

        def ask() -> None:
            try:
                outcome["answer"] = self._ask_models(client, limit)
            except Exception as exc:  # handed to the caller's thread below
                outcome["error"] = exc

        worker = threading.Thread(target=ask, name="redline-preflight", daemon=True)
        worker.start()
        worker.join(limit + 1.0)
        client.close()  # a worker still reading is cut off: this call returns now either way
        err = outcome.get("error")
        if isinstance(err, httpx.TransportError | httpx.DecodingError):
            raise ConfigError(f"--base-url: cannot reach {self.base_url} ({type(err).__name__})") from None
        if err is not None:
            raise err
        answer = outcome.get("answer")
        if answer is not None and answer[0] == 200:
            self.served = served_entry(answer[1], self.model)

    def _ask_models(self, client: httpx.Client, limit: float) -> tuple[int, bytes] | None:
        """(status, body) of ``GET /models``, or None when its body trickles past ``limit`` or runs over 1 MB."""
        import time

        deadline = time.monotonic() + limit
        body = bytearray()
        with client.stream("GET", self.base_url + "/models") as resp:
            for chunk in resp.iter_bytes():
                body.extend(chunk)
                if time.monotonic() > deadline or len(body) > 1_000_000:
                    return None
            return resp.status_code, bytes(body)

    async def aclose(self) -> None:
        await self._client.aclose()
