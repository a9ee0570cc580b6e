"""Sequential audits (``--until-decided``): trials are added in rounds and the run stops as soon as every
confirmatory contrast (sensitive trigger vs baseline, vulnerable) is decided.

Looks are scheduled by trial counts, never by outcomes: round r runs the first ceil(r * G / R) case groups of
a seeded shuffle, so each round nests the previous one. The decision rule (``redline.stats.sequential``) spends
alpha with an O'Brien-Fleming-type function, which keeps the type-I error at alpha over all looks. The history
is saved in ``sequential.json`` after every look, so a killed run resumes without taking a look twice.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from redline.backends.base import Backend
from redline.config import RunConfig
from redline.errors import ConfigError
from redline.records import Trial
from redline.store.run_dir import RunDir
from redline.suites.expand import stable_hash
from redline.suites.loader import Suite

if TYPE_CHECKING:
    from redline.pipeline.audit import AuditResult
    from redline.pipeline.stages import JudgeModel

def round_plan(trials: list[Trial], *, max_trials: int, rounds: int, seed: int) -> list[list[Trial]]:
    """Cumulative trial lists, one per round, by whole case groups (a question's languages stay together)."""
    groups: dict[tuple[str, str], list[Trial]] = {}
    for t in trials:
        groups.setdefault((t.suite, t.pair_key), []).append(t)
    keys = sorted(groups)
    random.Random(stable_hash("rounds", seed)).shuffle(keys)
    kept: list[tuple[str, str]] = []
    total = 0
    for key in keys:
        if total + len(groups[key]) > max_trials and kept:
            break
        kept.append(key)
        total += len(groups[key])
    plans = []
    for r in range(1, rounds + 1):
        upto = math.ceil(r * len(kept) / rounds)
        plans.append([t for key in kept[:upto] for t in groups[key]])
    return plans


def run_rounds(cfg: RunConfig, run: RunDir, suites: list[Suite], trials: list[Trial],
               make_backend: Callable[[], Backend], *, first: Backend, progress: bool,
               judge_model: JudgeModel | None) -> AuditResult:
    from redline.pipeline.audit import AuditResult
    from redline.pipeline.plan import add_plan
    from redline.pipeline.stages import generate, judge_stage
    from redline.runner.execute import ExecSummary
    from redline.stats.outcomes import PRIMARY
    from redline.stats.sequential import SequentialHistory, monitor_run

    if not cfg.judge:
        raise ConfigError("--until-decided: needs judging (drop --no-judge)")
    max_trials = cfg.max_trials or len(trials)
    plans = round_plan(trials, max_trials=max_trials, rounds=cfg.rounds, seed=cfg.seed)
    code_cases = {(s.name, c.id) for s in suites for c in s.cases if c.kind.value == "code"}
    final = [t for t in plans[-1] if (t.suite, t.case_id) in code_cases]
    sensitive = sorted({t.condition_id for t in final if t.condition_group == "sensitive"})
    if not sensitive:
        raise ConfigError("--until-decided: the plan has no coding task under a sensitive trigger to decide")
    max_pairs = len({t.pair_key for t in final if t.condition_id in sensitive})
    contrasts = [f"code/{PRIMARY}/{c}" for c in sensitive]  # the names redline.stats.sequential looks at
    saved = run.sequential()
    if saved is not None and saved.get("done"):  # decided before: resuming adds nothing
        from redline.runner.execute import ExecSummary as Done

        return AuditResult(run=run, trials=len(plans[int(saved["round"]) - 1]), generation=Done())
    if saved is not None:
        history = SequentialHistory.from_dict(saved)
    else:
        history = SequentialHistory(alpha=0.05, max_pairs=max_pairs, contrasts=contrasts)
    looks_taken = max((len(v) for v in history.looks.values()), default=0)
    total = ExecSummary()
    result = AuditResult(run=run, trials=0, generation=total)
    backend: Backend | None = first
    for index, plan in enumerate(plans, start=1):
        add_plan(run, suites, plan)
        summary = generate(cfg, run, plan, backend or make_backend(), progress=progress)
        backend = None  # generate closed it; the next round gets a fresh one
        for name in ("generated", "cached", "errors", "completion_tokens"):
            setattr(total, name, getattr(total, name) + getattr(summary, name))
        total.seconds += summary.seconds
        total.planned, result.trials = len(plan), len(plan)
        result.judged = judge_stage(run, progress=progress, executor=cfg.executor, judge_model=judge_model,
                                   sandbox=cfg.sandbox, allow_unsafe_none=cfg.allow_unsafe_none)
        if index <= looks_taken:
            continue  # this look was taken before a restart
        decision = monitor_run(run.load(), history, final=index == len(plans))
        history = decision.history
        run.write_sequential({**history.to_dict(), "round": index, "rounds": len(plans), "done": decision.done,
                                    "decisions": [d.__dict__ for d in decision.decisions]})
        if decision.done:
            break
    total.skipped = 0
    return result
