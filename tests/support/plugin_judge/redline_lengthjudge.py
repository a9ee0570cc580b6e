"""A judge plug-in as a third party would ship it: not imported by redline, found through the
``redline.judges`` entry point (see ``tests/unit/core/test_core_judge_plugin.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from redline.judges.base import JudgeContext, JudgeInput, fingerprint
from redline.records import CaseKind, Verdict


class AnswerLengthJudge:
    """Labels an answer ``short`` (under 80 characters) or ``long``: a second opinion, never the counted one."""

    name = "answer-length"
    kind = CaseKind.question
    labels = ("short", "long")
    primary = False

    @classmethod
    def for_run(cls, context: JudgeContext) -> AnswerLengthJudge:
        return cls()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.name, "1")

    def applies_to(self, case: Any) -> bool:
        return True

    def judge(self, items: Sequence[JudgeInput]) -> list[Verdict]:
        return [Verdict(trial_id=i.generation.trial_id, judge=self.name, judge_fingerprint=self.fingerprint,
                        label="short" if len(i.generation.text) < 80 else "long") for i in items]
