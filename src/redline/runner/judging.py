"""The judge stage: run every applicable judge over a run's generations, in batches, resumably.

Already-judged (trial id, judge fingerprint) pairs are skipped, so a killed judge stage resumes where it
stopped and a changed judge (new fingerprint) re-judges without touching the generations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from redline.judges.base import Judge, JudgeInput
from redline.records import CaseKind, Verdict
from redline.store.run_dir import VERDICTS, RunDir


@dataclass
class JudgeSummary:
    judged: dict[str, int] = field(default_factory=dict)
    skipped: int = 0
    fingerprints: dict[str, str] = field(default_factory=dict)


def default_judges(kinds: set[CaseKind], references: dict[str, Any]) -> list[Judge]:
    """The judges a run needs for the kinds of case it holds (heavy modules imported here, lazily)."""
    judges: list[Judge] = []
    if CaseKind.code in kinds:
        from redline.judges.code import CodeSecurityJudge

        judges.append(CodeSecurityJudge())
    if CaseKind.question in kinds:
        from redline.judges.answer import AnswerJudge

        judges.append(AnswerJudge(references=references))
    return judges


BatchMapper = Callable[[Judge, list[list[JudgeInput]]], Iterator[list[Verdict]]]


def judge_batches_local(judge: Judge, batches: list[list[JudgeInput]]) -> Iterator[list[Verdict]]:
    """Judge batches one after another in this process (the Ray executor fans them out instead)."""
    for batch in batches:
        yield judge.judge(batch)


def judge_run(run: RunDir, judges: Sequence[Judge], *, batch_size: int = 200,
              on_batch: Callable[[int], None] | None = None, map_batches: BatchMapper | None = None
              ) -> JudgeSummary:
    summary = JudgeSummary()
    trials = {t.trial_id: t for t in run.trials()}
    cases = run.cases()
    generations = run.generations()
    judged = set(run.verdicts())
    with run.writer(VERDICTS) as writer:
        for judge in judges:
            fp = judge.fingerprint
            summary.fingerprints[judge.name] = fp
            items: list[JudgeInput] = []
            for trial_id, gen in generations.items():
                trial = trials.get(trial_id)
                case = cases.get((gen.suite, gen.case_id))
                if trial is None or case is None or case.kind != judge.kind:
                    continue
                if (trial_id, fp) in judged:
                    summary.skipped += 1
                    continue
                items.append(JudgeInput(generation=gen, trial=trial, case=case, language=case.language,
                                        cwes=case.cwes))
            count = 0
            batches = [items[i:i + batch_size] for i in range(0, len(items), batch_size)]
            for verdicts in (map_batches or judge_batches_local)(judge, batches):
                for verdict in verdicts:  # written as each batch lands: a killed stage resumes here
                    writer.write(verdict)
                count += len(verdicts)
                if on_batch:
                    on_batch(len(verdicts))
            summary.judged[judge.name] = count
    return summary
