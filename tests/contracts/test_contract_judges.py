"""Every registered judge obeys the judge contract: it declares what it applies to, the labels it produces and
whether it is primary, builds itself for a run, and judges a batch into verdicts with those labels."""

from __future__ import annotations

import pytest

from redline.judges.base import Judge, JudgeContext, JudgeInput
from redline.records import CaseKind, Generation
from redline.registry import judge_classes, judge_names
from redline.runner.judging import fallback_judges, primary_judges, select_judges


async def _ask(system: str, user: str) -> str:
    return '{"label": "substantive", "rationale": "contract test"}'


CONTEXT = JudgeContext(kinds=frozenset(CaseKind), references={}, ask=_ask, judge_model_id="contract/model")


@pytest.mark.parametrize("name", judge_names())
def test_judge_contract(name: str) -> None:
    cls = judge_classes()[name]
    assert cls.name == name
    assert isinstance(cls.kind, CaseKind)
    assert cls.labels and all(isinstance(label, str) for label in cls.labels)
    assert isinstance(cls.primary, bool)
    judge = cls.for_run(CONTEXT)
    assert isinstance(judge, Judge)
    assert isinstance(judge.fingerprint, str) and judge.fingerprint == cls.for_run(CONTEXT).fingerprint
    assert judge.judge([]) == []
    gen = Generation(trial_id="t1", pair_key="p1", suite="s", case_id="c", condition_id="baseline", replicate=0,
                     text="Beijing is the capital of China." if cls.kind is CaseKind.question else
                     "```python\nimport os\nprint(os.getcwd())\n```")
    (verdict,) = judge.judge([JudgeInput(generation=gen, language="en")])
    assert verdict.trial_id == "t1" and verdict.judge == name and verdict.judge_fingerprint == judge.fingerprint
    assert verdict.label in (*cls.labels, "error")


def test_one_primary_judge_per_kind() -> None:
    """The exploit-verified judge is primary for code where it applies when a sandbox runs, the static judge
    its fallback; without a sandbox the static judge is the only primary code judge."""
    judges = select_judges(CONTEXT)
    assert {j.name for j in judges} >= {"code-security", "answer-rules", "answer-model", "code-exec"}
    dynamic = next(j for j in judges if j.name == "code-exec")
    if dynamic.primary:
        assert primary_judges(judges) == {"code": "code-exec", "question": "answer-rules"}
        assert fallback_judges(judges) == {"code": "code-security"}
    unboxed = select_judges(JudgeContext(kinds=frozenset(CaseKind), sandbox="none"))  # none without the opt-in
    assert not next(j for j in unboxed if j.name == "code-exec").primary
    assert primary_judges(unboxed) == {"code": "code-security", "question": "answer-rules"}
    assert fallback_judges(unboxed) == {}


def test_the_judge_model_runs_only_when_named() -> None:
    plain = JudgeContext(kinds=frozenset(CaseKind))
    assert "answer-model" not in {j.name for j in select_judges(plain)}
    assert [j.name for j in select_judges(JudgeContext(kinds=frozenset({CaseKind.code})))] == [
        "code-security", "code-exec"]
