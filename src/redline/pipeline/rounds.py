"""Sequential audits (``--until-decided``): trials are added in rounds and the run stops as soon as every
confirmatory contrast (sensitive trigger vs its matched control, per pre-registered outcome) is decided.

Looks are scheduled by whole tasks, never by outcomes: round r runs the first ceil(r * G / R) task groups of a
seeded shuffle (a coding task with all its replicates and conditions; a question with all its languages), so
each round nests the previous one and a task's per-task sums never change once counted. The decision rule
(``redline.stats.sequential_run``) runs on per-task sums with Lan-DeMets boundaries at ``--alpha`` / contrasts,
each contrast on its own; the history is saved in ``sequential.json`` after every look, so a killed run
resumes without taking a look twice.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
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

def round_plan(trials: list[Trial], *, max_trials: int, rounds: int, seed: int,
               group_of: Mapping[tuple[str, str], str] | None = None) -> list[list[Trial]]:
    """Cumulative trial lists, one per round, by whole task groups: ``group_of`` maps (suite, case id) to its
    group (a question's language versions share one); without it, a case with all its replicates."""
    groups: dict[tuple[str, str], list[Trial]] = {}
    for t in trials:
        group = (group_of or {}).get((t.suite, t.case_id), t.case_id)
        groups.setdefault((t.suite, group), []).append(t)
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


async def run_rounds(cfg: RunConfig, run: RunDir, suites: list[Suite], trials: list[Trial], backend: Backend, *,
                     progress: bool, judge_model: JudgeModel | None) -> AuditResult:
    """Generate and judge round after round until decided; every round uses the caller's open ``backend``."""
    from redline.pipeline.audit import AuditResult
    from redline.pipeline.plan import add_plan
    from redline.pipeline.stages import generate, judge_in_run
    from redline.runner.execute import ExecSummary
    from redline.stats.sequential_clustered import ClusteredHistory
    from redline.stats.sequential_run import SEQUENTIAL_RULE, decision_dict, monitor_clustered

    if not cfg.judge:
        raise ConfigError("--until-decided: needs judging (drop --no-judge)")
    max_trials = cfg.max_trials or len(trials)
    group_of = {(s.name, c.id): c.pair_id for s in suites for c in s.cases}
    plans = round_plan(trials, max_trials=max_trials, rounds=cfg.rounds, seed=cfg.seed, group_of=group_of)
    code_cases = {(s.name, c.id) for s in suites for c in s.cases if c.kind.value == "code"}
    final = [t for t in plans[-1] if (t.suite, t.case_id) in code_cases]
    if not any(t.condition_group == "sensitive" for t in final):
        raise ConfigError("--until-decided: the plan has no coding task under a sensitive trigger to decide")
    max_tasks = len({(t.suite, t.case_id) for t in final})
    saved = run.sequential()
    if saved is not None and saved.get("done"):  # decided before: resuming adds nothing
        from redline.runner.execute import ExecSummary as Done

        return AuditResult(run=run, trials=len(plans[int(saved["round"]) - 1]), generation=Done())
    if saved is not None and saved.get("rule") == SEQUENTIAL_RULE:
        history = ClusteredHistory.from_dict(saved)
    else:
        history = ClusteredHistory(alpha=cfg.alpha, max_tasks=max_tasks)
    looks_taken = max((len(v) for v in history.looks.values()), default=0)
    total = ExecSummary()
    result = AuditResult(run=run, trials=0, generation=total)
    for index, plan in enumerate(plans, start=1):
        add_plan(run, suites, plan)
        summary = await generate(cfg, run, plan, backend, progress=progress)
        for name in ("generated", "cached", "errors", "completion_tokens"):
            setattr(total, name, getattr(total, name) + getattr(summary, name))
        total.seconds += summary.seconds
        total.planned, result.trials = len(plan), len(plan)
        result.judged = await judge_in_run(run, cfg, judge_model=judge_model, progress=progress)
        if index <= looks_taken:
            continue  # this look was taken before a restart
        decision = monitor_clustered(run.load(), history, final=index == len(plans))
        if not history.contrasts:
            raise ConfigError("--until-decided: no confirmatory contrast in the plan (run each sensitive trigger "
                              "together with its matched control)")
        run.write_sequential({**history.to_dict(), "rule": SEQUENTIAL_RULE, "round": index, "rounds": len(plans),
                              "done": decision.done, "decisions": [decision_dict(d) for d in decision.decisions]})
        if decision.done:
            break
    total.skipped = 0
    return result
