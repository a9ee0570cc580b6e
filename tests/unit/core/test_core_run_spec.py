"""Typed specs: the audit spec alone decides the run id; execution options never start a new run."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.config import AuditSpec, make_config
from redline.errors import StoreError
from redline.pipeline.audit import run_audit
from redline.pipeline.plan import default_run_id, open_run

BASE = {"suites": ("smoke",), "model": "scripted/echo", "judge": False, "report": False}
EXEC_CHANGES = [{"executor": "ray"}, {"concurrency": 3}, {"timeout_s": 60.0}, {"retries": 2}, {"backoff_s": 0.0},
                {"cache": False}, {"ray_address": "ray://head:10001"}, {"api_key_env": "SOME_KEY"}]
AUDIT_CHANGES = [{"replicates": 2}, {"seed": 1}, {"temperature": 0.7}, {"max_tokens": 99}, {"limit": 1},
                 {"model": "scripted/effect"}, {"suites": ("smoke", "censorship")}, {"conditions": ("bakery",)},
                 {"code_mode": "instruct"}, {"judge_model": "scripted/effect"}]


@pytest.mark.parametrize("change", EXEC_CHANGES, ids=lambda c: next(iter(c)))
def test_execution_options_keep_the_run_id(change: dict[str, object]) -> None:
    assert default_run_id(make_config(**{**BASE, **change})) == default_run_id(make_config(**BASE))


@pytest.mark.parametrize("change", AUDIT_CHANGES, ids=lambda c: next(iter(c)))
def test_audit_options_change_the_run_id(change: dict[str, object]) -> None:
    assert default_run_id(make_config(**{**BASE, **change})) != default_run_id(make_config(**BASE))


def test_the_run_id_is_the_audit_spec_hash() -> None:
    cfg = make_config(**BASE)
    spec = cfg.audit_spec()
    assert isinstance(spec, AuditSpec) and default_run_id(cfg) == spec.run_id()
    assert AuditSpec.from_config(cfg.public()) == spec  # what resume compares, read back from a manifest


def test_resume_with_other_execution_options_generates_nothing_new(tmp_path: Path) -> None:
    first = run_audit(make_config(**BASE, runs_dir=str(tmp_path), cache=False), progress=False)
    assert first.generation.generated > 0
    for change in ({"concurrency": 2, "timeout_s": 60.0, "retries": 2}, {"retries": 0, "backoff_s": 0.0}):
        again = run_audit(make_config(**BASE, runs_dir=str(tmp_path), cache=False, **change), progress=False)
        assert again.run.path == first.run.path
        assert again.generation.generated == 0 and again.generation.skipped == first.trials
    ray_cfg = make_config(**BASE, runs_dir=str(tmp_path), executor="ray")
    assert open_run(ray_cfg).path == first.run.path  # a Ray run resumes the local one (and the other way round)


def test_a_changed_audit_option_cannot_resume_a_named_run(tmp_path: Path) -> None:
    run_audit(make_config(**BASE, runs_dir=str(tmp_path), run_id="named", cache=False), progress=False)
    with pytest.raises(StoreError, match="replicates=1"):
        open_run(make_config(**BASE, runs_dir=str(tmp_path), run_id="named", replicates=3))
    assert open_run(make_config(**BASE, runs_dir=str(tmp_path), run_id="named", retries=0)).run_id == "named"
