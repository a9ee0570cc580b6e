"""Every registered backend obeys the same protocol (constructed without network or model start)."""

from __future__ import annotations

import asyncio
import inspect

import pytest

from redline.backends.base import Backend, GenerationRequest
from redline.registry import backend_class, backend_names

ARGS = {"openai": {"base_url": "http://127.0.0.1:9/v1"}, "scripted": {}, "embedded": {}}


@pytest.mark.parametrize("provider", backend_names())
def test_backend_protocol(provider: str) -> None:
    cls = backend_class(provider)
    backend = cls("echo" if provider == "scripted" else "m", **ARGS.get(provider, {}))
    assert isinstance(backend, Backend)
    assert backend.provider == provider
    assert inspect.iscoroutinefunction(backend.generate) and inspect.iscoroutinefunction(backend.aclose)
    ident = backend.identity()
    assert ident["provider"] == provider and "api_key" not in ident
    assert backend.max_concurrency >= 1 and isinstance(backend.is_base_model, bool)
    asyncio.run(backend.aclose())  # closing an unused backend is safe


def test_scripted_backend_generates() -> None:
    backend = backend_class("scripted")("echo")
    result = asyncio.run(backend.generate(GenerationRequest(mode="completion", prompt="abc")))
    assert result.text.endswith("abc") and result.finish_reason == "stop"
