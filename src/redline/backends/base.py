"""The backend protocol, the request it takes, and how reasoning traces are split from answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from redline.records import Message, Trial, Usage
from redline.text import split_reasoning

__all__ = ["Backend", "BackendResult", "GenerationRequest", "split_reasoning"]  # split_reasoning: old home


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
