"""The whole audit as one function: plan trials, generate, judge, compute statistics, write reports."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from redline.backends.base import Backend
from redline.backends.factory import make_backend
from redline.config import RunConfig
from redline.pipeline.plan import (
    add_plan,
    default_run_id,
    open_run,
    package_versions,
    plan_trials,
    unique_suites,
    write_manifest,
)
from redline.pipeline.stages import generate, judge_agreement, judge_stage, model_judge, report_stage, stats_stage
from redline.runner.execute import ExecSummary
from redline.store.run_dir import RunDir
from redline.suites.loader import resolve_suite

__all__ = ["AuditResult", "add_plan", "default_run_id", "generate", "judge_agreement", "judge_stage", "make_backend",
           "model_judge", "open_run", "package_versions", "plan_trials", "report_stage", "run_audit",
           "stats_stage", "write_manifest"]


@dataclass
class AuditResult:
    run: RunDir
    trials: int
    generation: ExecSummary
    judged: dict[str, int] = field(default_factory=dict)
    reports: list[Path] = field(default_factory=list)
    seconds: float = 0.0


def run_audit(cfg: RunConfig, *, backend: Backend | None = None, progress: bool = True) -> AuditResult:
    started = time.perf_counter()
    given = backend
    backend = backend or make_backend(cfg.backend_spec())
    suites = unique_suites([resolve_suite(name) for name in cfg.suites])
    trials = plan_trials(cfg, suites, base_model=backend.is_base_model)
    run = open_run(cfg)
    preflight = getattr(backend, "preflight", None)
    if preflight is not None:
        preflight()
    extra_judge = model_judge(cfg) if cfg.judge_model else None
    with run.lock():
        write_manifest(run, cfg, suites, backend.identity(), len(trials))
        refs = {s.name: s.references for s in suites if s.references}
        run.write_references(refs)
        if cfg.until_decided:
            from redline.pipeline.rounds import run_rounds

            result = run_rounds(cfg, run, suites, trials, lambda: given or make_backend(cfg.backend_spec()),
                                first=backend, progress=progress, judge_model=extra_judge)
        else:
            add_plan(run, suites, trials)
            summary = generate(cfg, run, trials, backend, progress=progress)
            result = AuditResult(run=run, trials=len(trials), generation=summary)
            if cfg.judge:
                result.judged = judge_stage(run, progress=progress, executor=cfg.executor, judge_model=extra_judge)
        if cfg.judge or cfg.report:  # statistics even with --no-report; not for a generate-only run
            data, stats = stats_stage(run)
            result.reports = [run.stats_path]
            if cfg.report:
                result.reports = report_stage(run, data=data, stats=stats)
    result.seconds = time.perf_counter() - started
    return result
