"""The one place that builds a backend from its spec, for the audited model and the judge model alike."""

from __future__ import annotations

from redline.backends.base import Backend, BackendTraits, traits_of
from redline.config import BackendSpec
from redline.registry import backend_class


def make_backend(spec: BackendSpec) -> Backend:
    """A backend for ``spec``; concurrency defaults to what the backend class declares in its traits."""
    cls = backend_class(spec.provider)
    concurrency = spec.concurrency or traits_of(cls).default_concurrency
    backend: Backend = cls(spec.model, base_url=spec.base_url, api_key=spec.api_key(),
                           timeout_s=spec.timeout_s, max_concurrency=concurrency, threads=spec.threads)
    return backend


def backend_traits(provider: str) -> BackendTraits:
    """The traits of the class registered for ``provider`` (``redline.backends.base.BackendTraits``)."""
    return traits_of(backend_class(provider))
