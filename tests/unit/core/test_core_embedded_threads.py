"""The embedded model leaves one core free by default; --threads overrides it and is recorded."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from redline.backends import embedded
from redline.backends.embedded import EmbeddedBackend, default_threads, server_params
from redline.backends.factory import make_backend
from redline.config import make_config
from redline.errors import BackendError, ConfigError


@pytest.mark.parametrize(("cores", "expected"), [(1, 1), (2, 1), (8, 7)])
def test_default_leaves_one_core(monkeypatch: pytest.MonkeyPatch, cores: int, expected: int) -> None:
    monkeypatch.setattr(embedded.os, "sched_getaffinity", lambda _pid: set(range(cores)))
    assert default_threads() == expected
    assert EmbeddedBackend().identity()["threads"] == expected


def test_threads_override_reaches_identity_and_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedded, "model_path", lambda: "/nonexistent/model.gguf")
    backend = EmbeddedBackend(threads=3)
    assert backend.identity()["threads"] == 3
    params = server_params(slots=2, threads=3)
    assert params.cpuparams.n_threads == 3 and params.cpuparams_batch.n_threads == 3
    assert params.n_parallel == 2 and params.hostnames == ["127.0.0.1"]
    assert params.chat_template == "gemma" and params.use_jinja is False
    with pytest.raises(BackendError):
        EmbeddedBackend(threads=0)


def test_config_passes_threads_and_run_id_ignores_them() -> None:
    cfg = make_config(threads=2)
    assert cfg.threads == 2 and cfg.public()["threads"] == 2
    assert cfg.backend_spec().threads == 2
    assert make_backend(cfg.backend_spec()).identity()["threads"] == 2
    assert cfg.audit_spec().run_id() == make_config().audit_spec().run_id()  # a re-run with --threads resumes
    with pytest.raises(ConfigError, match="--threads"):
        make_config(threads=0)


def test_run_has_threads_option() -> None:
    from redline.commands.run import run

    out = CliRunner().invoke(run, ["--help"])
    assert "--threads" in out.output
