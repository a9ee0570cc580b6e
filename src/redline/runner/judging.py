"""The judge stage: run every applicable judge over a run's generations, in batches, resumably.

Already-judged (trial id, judge fingerprint) pairs are skipped, so a killed judge stage resumes where it
stopped and a changed judge (new fingerprint) re-judges without touching the generations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from redline.errors import RunStopped
from redline.judges.base import Judge, JudgeContext, JudgeInput, applies
from redline.records import CaseKind, Verdict
from redline.store.run_dir import RunDir


@dataclass
class JudgeSummary:
    judged: dict[str, int] = field(default_factory=dict)
    skipped: int = 0
    fingerprints: dict[str, str] = field(default_factory=dict)


def select_judges(context: JudgeContext) -> list[Judge]:
    """The judges a run gets: every registered judge class (built-in or plug-in) that builds itself for this
    run (``for_run``) and applies to a kind of case the run holds."""
    from redline.registry import judge_classes

    judges: list[Judge] = []
    for cls in judge_classes().values():
        build = getattr(cls, "for_run", None)
        judge = build(context) if build is not None else None
        if judge is not None and judge.kind in context.kinds:
            judges.append(judge)
    return judges


def _narrow(judge: Judge) -> bool:
    return getattr(judge, "applies_to", None) is not None


def primary_judges(judges: Sequence[Judge]) -> dict[str, str]:
    """Case kind -> the judge whose verdicts the outcomes count: the first primary judge that narrows itself to
    some cases (``applies_to``: it is primary where it applies), else the first primary judge of the kind."""
    out: dict[str, str] = {}
    for judge in sorted(judges, key=lambda j: not _narrow(j)):
        if getattr(judge, "primary", False):
            out.setdefault(judge.kind.value, judge.name)
    return out


def fallback_judges(judges: Sequence[Judge]) -> dict[str, str]:
    """Case kind -> the judge counted where the primary one does not apply or gives no verdict (``not_run``):
    the first primary judge of the kind that applies to all its cases, when the primary one is narrower."""
    primary = primary_judges(judges)
    out: dict[str, str] = {}
    for judge in judges:
        kind = judge.kind.value
        if getattr(judge, "primary", False) and not _narrow(judge) and primary.get(kind) != judge.name:
            out.setdefault(kind, judge.name)
    return out


def close_judges(judges: Sequence[Judge]) -> None:
    """Release what judges hold open (a sandbox pool), for those that have a ``close``."""
    for judge in judges:
        close = getattr(judge, "close", None)
        if close is not None:
            close()


def default_judges(kinds: set[CaseKind], references: dict[str, Any]) -> list[Judge]:
    """The registry's judges for these kinds, without a judge model."""
    return select_judges(JudgeContext(kinds=frozenset(kinds), references=references))


BatchMapper = Callable[[Judge, list[list[JudgeInput]]], Iterator[list[Verdict]]]


def judge_batches_local(judge: Judge, batches: list[list[JudgeInput]]) -> Iterator[list[Verdict]]:
    """Judge batches one after another in this process (the Ray executor fans them out instead)."""
    for batch in batches:
        yield judge.judge(batch)


def judge_run(run: RunDir, judges: Sequence[Judge], *, batch_size: int = 200,
              on_batch: Callable[[int], None] | None = None, map_batches: BatchMapper | None = None,
              since: int | None = None, stopped: Callable[[], bool] | None = None) -> JudgeSummary:
    """Judge every generation not yet judged by each judge's current version; with ``since`` (a regeneration
    under way), only verdicts recorded from that position on count as judged. ``stopped`` (a stage running in a
    worker thread, whose run was interrupted) ends the stage after the batch in hand."""
    summary = JudgeSummary()
    trials = {t.trial_id: t for t in run.trials()}
    cases = run.cases()
    generations = run.generations()
    # an error verdict (failed generation, failed judge call) is not done: judged again once there is an answer
    # (during a regeneration, only verdicts recorded since it began count)
    judged = ({key for key, verdict in run.verdicts().items() if verdict.label != "error"} if since is None
              else run.judged_since(since, ok_only=True))
    with run.verdicts_writer() as writer:
        for judge in judges:
            fp = judge.fingerprint
            applicable = False
            items: list[JudgeInput] = []
            for trial_id, gen in generations.items():
                trial = trials.get(trial_id)
                case = cases.get((gen.suite, gen.case_id))
                if trial is None or case is None or not applies(judge, case):
                    continue
                applicable = True
                if (trial_id, fp) in judged:
                    summary.skipped += 1
                    continue
                items.append(JudgeInput(generation=gen, trial=trial, case=case, language=case.language,
                                        cwes=case.cwes))
            if applicable or not generations:  # the judge set: judges that apply to some case of the run
                summary.fingerprints[judge.name] = fp
            count = 0
            batches = [items[i:i + batch_size] for i in range(0, len(items), batch_size)]
            for verdicts in (map_batches or judge_batches_local)(judge, batches):
                for verdict in verdicts:  # written as each batch lands: a killed stage resumes here
                    writer.write(verdict)
                count += len(verdicts)
                if on_batch:
                    on_batch(len(verdicts))
                if stopped is not None and stopped():
                    raise RunStopped("judge stage interrupted; re-run the same command to resume")
            summary.judged[judge.name] = count
    return summary
