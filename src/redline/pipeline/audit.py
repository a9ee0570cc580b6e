"""The whole audit as one function: plan trials, generate, judge, compute statistics, write reports."""

from __future__ import annotations

import time
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path

from redline.backends.base import Backend, opened, traits_of
from redline.backends.factory import backend_traits, make_backend
from redline.config import RunConfig
from redline.pipeline.loop import run_in_loop
from redline.pipeline.plan import (
    add_plan,
    check_replicates,
    default_run_id,
    design_block,
    open_run,
    package_versions,
    plan_trials,
    unique_suites,
    write_manifest,
)
from redline.pipeline.stages import (
    generate,
    judge_agreement,
    judge_in_run,
    judge_stage,
    model_judge,
    report_stage,
    stats_stage,
)
from redline.runner.execute import ExecSummary
from redline.store.run_dir import RunDir
from redline.suites.loader import resolve_suite

__all__ = ["AuditResult", "add_plan", "arun_audit", "default_run_id", "generate", "judge_agreement", "judge_stage",
           "make_backend", "model_judge", "open_run", "package_versions", "plan_trials", "report_stage", "run_audit",
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
    """The whole audit in one event loop, which owns the backends it opens for the run (see ``arun_audit``);
    Ctrl-C stops it where it is (``pipeline/loop.py``)."""
    return run_in_loop(arun_audit(cfg, backend=backend, progress=progress))


async def arun_audit(cfg: RunConfig, *, backend: Backend | None = None, progress: bool = True) -> AuditResult:
    """The whole audit. The run opens the audited model's backend and the judge model's (``async with``) once,
    for every stage and round, and closes them at the end; a ``backend`` passed in is the caller's, used
    and never closed here."""
    started = time.perf_counter()
    declared = getattr(type(backend), "traits", None) if backend is not None else None  # wrappers declare none
    traits = traits_of(type(backend)) if declared is not None else backend_traits(cfg.backend_spec().provider)
    replicates = check_replicates(cfg, traits.seed_varies_greedy)  # before a model is loaded
    async with AsyncExitStack() as owned:
        if backend is None:
            backend = await owned.enter_async_context(opened(make_backend(cfg.backend_spec())))
        result = await _audit(cfg, backend, owned, replicates, progress)
    result.seconds = time.perf_counter() - started
    return result


async def _audit(cfg: RunConfig, backend: Backend, owned: AsyncExitStack, replicates: str,
                 progress: bool) -> AuditResult:
    suites = unique_suites([resolve_suite(name) for name in cfg.suites])
    trials = plan_trials(cfg, suites, base_model=backend.is_base_model)
    run = open_run(cfg)
    preflight = getattr(backend, "preflight", None)
    if preflight is not None:
        preflight()
    extra_judge = model_judge(cfg) if cfg.judge_model else None
    with run.lock():
        previous = run.manifest() if run.exists() else None
        regeneration = previous.regeneration if previous else None
        if previous is not None and not cfg.cache and previous.config.get("cache", True):
            regeneration = run.record_counts()  # --no-cache after a cached run: generate and judge again
        write_manifest(run, cfg, suites, backend.identity(), len(trials), regeneration=regeneration,
                       design=design_block(cfg, suites, replicates))
        refs = {s.name: s.references for s in suites if s.references}
        run.write_references(refs)
        if extra_judge is not None and cfg.judge:
            await owned.enter_async_context(extra_judge.opened())
        if cfg.until_decided:
            from redline.pipeline.rounds import run_rounds

            result = await run_rounds(cfg, run, suites, trials, backend, progress=progress,
                                      judge_model=extra_judge)
        else:
            add_plan(run, suites, trials)
            summary = await generate(cfg, run, trials, backend, progress=progress)
            result = AuditResult(run=run, trials=len(trials), generation=summary)
            if cfg.judge:
                result.judged = await judge_in_run(run, cfg, judge_model=extra_judge, progress=progress)
        if cfg.judge or cfg.report:  # statistics even with --no-report; not for a generate-only run
            data, stats = stats_stage(run)
            result.reports = [run.stats_path]
            if cfg.report:
                result.reports = report_stage(run, data=data, stats=stats)
    return result
