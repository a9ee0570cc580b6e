"""The embedded model as an OpenAI-compatible server on localhost, for tools (and redline runs) that speak HTTP.

Same parameters as the in-process backend (gemma template, no jinja, one core left free); ``slots`` requests
are decoded together, so a client should keep exactly that many in flight (``--concurrency``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from redline.backends.embedded import default_threads, server_params
from redline.errors import BackendError

HOST = "127.0.0.1"  # never another interface: the server has no authentication


@dataclass
class Served:
    """A running server: where to reach it, and how to stop it."""

    base_url: str
    slots: int
    threads: int
    handle: Any = None

    def close(self) -> None:
        self.handle = None  # the native server stops when its last reference goes


def _native(params: Any) -> Any:
    import xllamacpp as xl

    return xl.Server(params)


def start_embedded_server(*, slots: int = 4, threads: int | None = None, port: int = 8080, n_ctx: int = 4096,
                          factory: Callable[[Any], Any] | None = None) -> Served:
    """Start the embedded model's server; ``factory`` (tests) replaces the native ``xllamacpp.Server``."""
    n_threads = threads or default_threads()
    params = server_params(slots=slots, n_ctx=n_ctx, threads=n_threads, host=HOST, port=port)
    params.model_alias = {"gemma-3-270m"}  # a set of names in llama.cpp
    try:
        handle = (factory or _native)(params)
    except Exception as exc:  # the native layer raises plain exceptions (e.g. the port is taken)
        raise BackendError(f"embedded server failed to start on port {port}: {exc}", retryable=False) from None
    address = str(handle.listening_address)
    if not address.startswith("http"):
        address = "http://" + address
    return Served(base_url=address.rstrip("/") + "/v1", slots=slots, threads=n_threads, handle=handle)
