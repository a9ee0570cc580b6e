"""The one place that builds a backend from its spec, for the audited model and the judge model alike."""

from __future__ import annotations

from redline.backends.base import Backend
from redline.config import RunConfig
from redline.registry import backend_class


def make_backend(cfg: RunConfig) -> Backend:
    cls = backend_class(cfg.provider)
    concurrency = cfg.concurrency or (1 if cfg.provider == "embedded" else 8)
    backend: Backend = cls(cfg.model_name, base_url=cfg.base_url, api_key=cfg.api_key(),
                           timeout_s=cfg.timeout_s, max_concurrency=concurrency)
    return backend
