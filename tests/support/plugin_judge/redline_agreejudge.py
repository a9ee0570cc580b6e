"""A second-opinion answer judge plug-in that speaks the rule judge's labels (every answer ``substantive``), so
the run reports its agreement with the primary judge (``tests/unit/core/test_core_judge_plugin.py``)."""

from __future__ import annotations

from collections.abc import Sequence

from redline.judges.base import JudgeContext, JudgeInput, fingerprint
from redline.records import AnswerLabel, CaseKind, Verdict


class AnswerAgreeJudge:
    name = "answer-agree"
    kind = CaseKind.question
    labels = tuple(label.value for label in AnswerLabel)
    primary = False

    @classmethod
    def for_run(cls, context: JudgeContext) -> AnswerAgreeJudge:
        return cls()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.name, "1")

    def judge(self, items: Sequence[JudgeInput]) -> list[Verdict]:
        return [Verdict(trial_id=i.generation.trial_id, judge=self.name, judge_fingerprint=self.fingerprint,
                        label=AnswerLabel.substantive.value) for i in items]
