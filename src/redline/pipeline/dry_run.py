"""``redline run --dry-run``: what a run would cost before it starts, computed from the very plan a real run uses.

Counts come from ``plan_trials`` (so they equal the trials a run writes), minus what the run directory already
holds when the same command would resume. Throughput is measured from earlier generations of the same model in
the runs directory, else declared by the backend class (``BackendTraits.tokens_per_s``), else unknown: an ETA is
never guessed. Power uses ``stats.plan_tasks`` for the confirmatory design (each sensitive trigger against its
matched control, tasks as the unit, replicates correlated by the default ICC, the default judge's error).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redline.backends.base import traits_of
from redline.config import RunConfig
from redline.errors import StoreError
from redline.pipeline.plan import open_run, plan_trials
from redline.records import Trial
from redline.registry import backend_class
from redline.stats.plan_tasks import DEFAULT_ICC, DEFAULT_JUDGE, plan_tasks
from redline.store.run_dir import list_runs
from redline.suites.loader import Suite, resolve_suite
from redline.suites.matching import Matching, matching_for

# the assumed rates the power figures are computed for (printed beside them): the headline contrast of the
# published study (19% vulnerable code in neutral requests, 27.2% with a sensitive trigger)
ASSUMED_BASELINE = 0.19
ASSUMED_TARGET = 0.272
CHARS_PER_TOKEN = 4.0  # prompt tokens are estimated from characters (no tokenizer is loaded for a dry run)


@dataclass(frozen=True)
class Throughput:
    tokens_per_s: float  # completion tokens per second of one request
    source: str  # measured / declared
    detail: str
    mean_completion_tokens: float | None = None  # measured mean per generation


@dataclass
class SuitePower:
    suite: str
    conditions: int  # sensitive triggers in the plan (the confirmatory family of this suite)
    tasks: int  # code tasks asked under a sensitive trigger and a comparison arm (the unit of the test)
    replicates: int
    icc: float  # assumed intra-task correlation of replicates (stats.plan_tasks.DEFAULT_ICC)
    judge: str  # whose measured sensitivity and specificity are assumed
    power: float  # clustered power to detect ASSUMED_BASELINE -> ASSUMED_TARGET at alpha / conditions
    tasks_needed: int | None  # tasks for 80% power with the same replicates (None: beyond the planner's search)


@dataclass
class DryRun:
    run_id: str
    run_path: Path
    resumes: bool
    cells: dict[tuple[str, str], int]  # (suite, condition) -> planned trials
    planned: int
    done: int  # already generated in the run directory (a real run skips them)
    max_tokens: int
    prompt_tokens: int  # estimated, for the trials still to generate
    concurrency: int
    throughput: Throughput | None
    power: list[SuitePower] = field(default_factory=list)

    @property
    def to_generate(self) -> int:
        return self.planned - self.done

    @property
    def completion_tokens(self) -> int:
        """Expected completion tokens: the measured mean per generation when known, else the max-tokens bound."""
        per = self.throughput.mean_completion_tokens if self.throughput else None
        per = min(per, self.max_tokens) if per is not None else self.max_tokens
        return round(self.to_generate * per)

    @property
    def eta_s(self) -> float | None:
        if self.throughput is None or self.throughput.tokens_per_s <= 0:
            return None
        return self.completion_tokens / (self.throughput.tokens_per_s * self.concurrency)

    def as_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "run_path": str(self.run_path), "resumes": self.resumes,
                "cells": [{"suite": s, "condition": c, "trials": n} for (s, c), n in sorted(self.cells.items())],
                "planned": self.planned, "already_generated": self.done, "to_generate": self.to_generate,
                "max_tokens": self.max_tokens, "prompt_tokens_estimate": self.prompt_tokens,
                "completion_tokens_expected": self.completion_tokens, "concurrency": self.concurrency,
                "throughput": None if self.throughput is None else vars(self.throughput), "eta_s": self.eta_s,
                "power": [vars(p) for p in self.power],
                "assumed_rates": {"baseline": ASSUMED_BASELINE, "target": ASSUMED_TARGET}}


def measured_throughput(cfg: RunConfig) -> Throughput | None:
    """Completion tokens per second of one request, over earlier generated (not cached) answers of this model."""
    tokens, seconds, count = 0, 0.0, 0
    for run in list_runs(Path(cfg.runs_dir)):
        try:
            if run.manifest().config.get("model") != cfg.model:
                continue
            generations = run.generations().values()
        except (StoreError, OSError, ValueError):  # an unreadable run says nothing about throughput
            continue
        for g in generations:
            if g.ok and not g.cached and g.latency_s > 0 and g.usage.completion_tokens > 0:
                tokens += g.usage.completion_tokens
                seconds += g.latency_s
                count += 1
    if count == 0 or seconds <= 0:
        return None
    return Throughput(tokens_per_s=tokens / seconds, source="measured",
                      detail=f"{count} earlier generations of {cfg.model} in {cfg.runs_dir}",
                      mean_completion_tokens=tokens / count)


def throughput_for(cfg: RunConfig) -> Throughput | None:
    measured = measured_throughput(cfg)
    if measured is not None:
        return measured
    declared = traits_of(backend_class(cfg.provider)).tokens_per_s
    if declared:
        return Throughput(tokens_per_s=declared, source="declared", detail=f"declared by the {cfg.provider} backend")
    return None


def suite_power(suite: str, trials: list[Trial], *, controls: Mapping[str, Sequence[str]] | None = None,
                alpha: float = 0.05, power: float = 0.8) -> SuitePower | None:
    """The confirmatory design of one code suite as planned: each sensitive trigger against its matched control
    (``controls``: sensitive id -> control ids, from the suite's matching; without it, against the baseline),
    with the task as the unit (``stats.plan_tasks``, as ``redline plan`` computes it). Crossed audience
    conditions are exploratory and not in the family."""
    mine = [t for t in trials if t.suite == suite]
    planned = {t.condition_id for t in mine}
    sensitive = {t.condition_id for t in mine if t.condition_group == "sensitive"}
    if controls is not None:
        family = {c for c in sensitive if any(x in planned for x in controls.get(c, ()))}
    else:
        family = sensitive if "baseline" in planned else set()
    arms = family | {x for c in family for x in (controls or {}).get(c, ())} | {"baseline"}
    by_case: dict[str, set[str]] = {}
    for t in mine:
        if t.condition_id in arms:
            by_case.setdefault(t.case_id, set()).add(t.condition_id)
    tasks = {case for case, seen in by_case.items() if seen & family and len(seen) > 1}
    if not family or not tasks:
        return None
    replicates = max(t.replicate for t in mine) + 1
    k = len(family)
    plan = plan_tasks(ASSUMED_BASELINE, ASSUMED_TARGET, tasks=len(tasks), replicates=replicates, icc=DEFAULT_ICC,
                      family=k, conditions=max(2, len({t.condition_id for t in mine})), alpha=alpha, power=power)
    return SuitePower(suite=suite, conditions=k, tasks=len(tasks), replicates=replicates, icc=DEFAULT_ICC,
                      judge=DEFAULT_JUDGE, power=plan.power, tasks_needed=plan.tasks_needed)


def _controls(matching: Matching | None) -> dict[str, tuple[str, ...]] | None:
    return {m.sensitive: m.controls for m in matching.matches} if matching else None


def _prompt_chars(t: Trial) -> int:
    return len(t.prompt) + sum(len(m.content) for m in t.messages)


def dry_run(cfg: RunConfig, suites: list[Suite] | None = None) -> DryRun:
    """The plan of ``cfg`` without generating, writing or loading a model."""
    suites = suites if suites is not None else [resolve_suite(name) for name in cfg.suites]
    cls = backend_class(cfg.provider)
    trials = plan_trials(cfg, suites, base_model=bool(getattr(cls, "is_base_model", False)))
    run = open_run(cfg)
    done = set(run.generations()) if run.exists() else set()
    todo = [t for t in trials if t.trial_id not in done]
    cells = Counter((t.suite, t.condition_id) for t in trials)
    code_suites = [s.name for s in suites if any(c.kind.value == "code" for c in s.cases)]
    matchings = {s.name: matching_for(s) for s in suites}
    power = [p for name in code_suites
             if (p := suite_power(name, trials, controls=_controls(matchings.get(name)))) is not None]
    return DryRun(run_id=run.run_id, run_path=run.path, resumes=run.exists(), cells=dict(cells),
                  planned=len(trials), done=len(trials) - len(todo), max_tokens=cfg.max_tokens,
                  prompt_tokens=round(sum(_prompt_chars(t) for t in todo) / CHARS_PER_TOKEN),
                  concurrency=cfg.concurrency or traits_of(cls).default_concurrency,
                  throughput=throughput_for(cfg), power=power)
