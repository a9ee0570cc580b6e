"""The cache is keyed by what answered: a different model served under the same name and URL is never answered
from the cache, and --fresh never reads it."""

from __future__ import annotations

from pathlib import Path

from redline.config import make_config
from redline.pipeline.audit import run_audit
from tests.support.fake_openai import serve


def test_cache_knows_which_model_answered(runs_dir: Path) -> None:
    with serve(lambda body, attempt: "ok") as srv:
        def cfg(run_id: str, **kw: object):  # type: ignore[no-untyped-def]
            return make_config(suites=("smoke",), model="openai/m", base_url=srv.base_url, code_mode="instruct",
                               runs_dir=str(runs_dir), run_id=run_id, judge=False, report=False, **kw)

        first = run_audit(cfg("a"), progress=False)
        assert first.generation.generated == 12 and first.generation.cached == 0
        same = run_audit(cfg("b"), progress=False)
        assert same.generation.cached == 12  # the same model: answered from the cache
        srv.models = [{"id": "m", "object": "model", "root": "/weights/other-model", "owned_by": "test"}]
        swapped = run_audit(cfg("c"), progress=False)
        assert swapped.generation.cached == 0  # another model behind the same name and URL
        srv.models = [{"id": "m", "object": "model", "root": "m", "owned_by": "test"}]  # the first model again
        fresh = run_audit(cfg("c", fresh=True).model_copy(update={"run_id": None}), progress=False)
        assert fresh.generation.cached == 0 and fresh.generation.generated == 12
    assert "served" in first.run.manifest().backend


def test_corrupt_cache_database_is_moved_aside(runs_dir: Path) -> None:
    import os

    from redline.config import redline_home

    db = redline_home() / "cache" / "generations.sqlite"
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"this is not a database" * 100)
    cfg = make_config(suites=("smoke",), model="scripted/echo", runs_dir=str(runs_dir), judge=False, report=False)
    result = run_audit(cfg, progress=False)
    assert result.generation.generated == 12
    assert (db.parent / "generations.sqlite.corrupt").exists() and os.path.getsize(db) > 0
    again = run_audit(cfg.model_copy(update={"run_id": "again"}), progress=False)
    assert again.generation.cached == 12  # the new cache works


def test_scripted_options_and_option_names_are_checked() -> None:
    import pytest

    from redline.errors import ConfigError

    for model, fragment in (("scripted/echo?fail_first=1.5", "fail_first"), ("scripted/echo?latency=nan", "latency"),
                            ("scripted/echo?latency=1e9", "latency")):
        with pytest.raises(ConfigError, match=fragment):
            run_audit(make_config(suites=("smoke",), model=model), progress=False)
    with pytest.raises(ConfigError, match="^--timeout:"):
        make_config(timeout_s=-1)
    with pytest.raises(ConfigError, match="^--backoff:"):
        make_config(backoff_s=-1)
