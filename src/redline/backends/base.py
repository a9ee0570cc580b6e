"""The backend protocol, the request it takes, and who owns a backend: whoever opens it (``async with``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Protocol, Self, TypeVar, runtime_checkable

from redline.records import Message, Trial, Usage
from redline.text import split_reasoning

# split_reasoning lives in redline.text; re-exported here for older imports
__all__ = ["BLOCK_STATUSES", "BLOCK_WORDS", "Backend", "BackendResult", "BackendTraits", "GenerationRequest",
           "Owned", "is_provider_block", "opened", "split_reasoning", "traits_of"]

BLOCKED = "blocked"  # BackendError.kind of a request a provider's content filter refused
CAPPED = "capped"  # finish_reason of an answer cut at the response size cap: kept, truncated, never cached
BLOCK_STATUSES = frozenset({400, 403, 451})
BLOCK_WORDS = ("content_filter", "content filter", "content management policy", "safety", "moderation",
               "content policy", "data_inspection_failed", "inappropriate")


def is_provider_block(status: int | None, body: str = "") -> bool:
    """A provider refusing the request itself (a content filter), as opposed to a failure: an outcome of the
    audit (issue 12), not an error to drop.

    Filters answer 400 (Azure/OpenAI ``content_filter``, Alibaba ``data_inspection_failed``), 403 or 451 with
    a body that names the policy; 401 / 404 / 429 / 5xx and a 400 without such words stay errors.
    """
    if status is None or status not in BLOCK_STATUSES:
        return False
    text = body.lower()
    return status == 451 or any(word in text for word in BLOCK_WORDS)


@dataclass(frozen=True)
class GenerationRequest:
    """What a backend is asked: chat messages or a completion prompt, and sampling settings."""

    mode: str  # chat / completion
    messages: tuple[Message, ...] = ()
    prompt: str = ""
    max_tokens: int = 256
    temperature: float = 0.0
    seed: int = 0
    stop: tuple[str, ...] = ()

    @classmethod
    def for_trial(cls, trial: Trial, *, max_tokens: int, temperature: float) -> GenerationRequest:
        return cls(mode=trial.mode, messages=trial.messages, prompt=trial.prompt, max_tokens=max_tokens,
                   temperature=temperature, seed=trial.seed)

    def cache_fields(self) -> dict[str, Any]:
        return {"mode": self.mode, "messages": [m.model_dump() for m in self.messages], "prompt": self.prompt,
                "max_tokens": self.max_tokens, "temperature": self.temperature, "seed": self.seed,
                "stop": list(self.stop)}


@dataclass(frozen=True)
class BackendResult:
    text: str
    reasoning: str = ""
    finish_reason: str = ""
    usage: Usage = field(default_factory=Usage)
    truncated: bool = False  # cut off by the token limit (finish_reason "length", an unclosed reasoning block)


@dataclass(frozen=True)
class BackendTraits:
    """What the rest of redline may assume about a backend class; declared by the class (``traits = ...``),
    never inferred from its provider name."""

    default_concurrency: int = 8  # requests in flight when --concurrency is not given
    in_process: bool = False  # runs a model inside the worker process: one actor per endpoint, a core each
    multi_endpoint: bool = False  # can spread one model over several base URLs (--extra-base-url)
    tokens_per_s: float | None = None  # completion tokens/s of one request, where known (dry-run ETA)
    seed_varies_greedy: bool = False  # output depends on the request seed even at temperature 0 (replicates differ)


def traits_of(cls: object) -> BackendTraits:
    """A backend class's traits (a plug-in that declares none gets the defaults)."""
    traits = getattr(cls, "traits", None)
    return traits if isinstance(traits, BackendTraits) else BackendTraits()


@runtime_checkable
class Backend(Protocol):
    """Every backend: an identity (no secrets), an async generate, and a close."""

    provider: str
    model: str
    is_base_model: bool  # no chat tuning: audit code in autocomplete mode by default
    max_concurrency: int

    def identity(self) -> dict[str, Any]: ...

    async def generate(self, request: GenerationRequest) -> BackendResult: ...

    async def aclose(self) -> None: ...


class Owned:
    """The async context-manager protocol for a backend class: ``async with backend:`` closes it on exit, so the
    code that opened a backend is the code that closes it (stages never close a backend they were given)."""

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        close = getattr(self, "aclose", None)
        if close is not None:
            await close()


B = TypeVar("B", bound=Backend)


@asynccontextmanager
async def opened(backend: B) -> AsyncIterator[B]:
    """Own ``backend`` for a block: its ``async with`` where it is ``Owned``, else ``aclose`` on exit (a plug-in
    backend need only implement the ``Backend`` protocol)."""
    if isinstance(backend, Owned):
        async with backend:
            yield backend
        return
    try:
        yield backend
    finally:
        await backend.aclose()
