"""Which judges' agreement a run reports is read from the manifest and the judges' declarations (issue 11): the
primary judge of a kind against every other judge of that kind whose labels it also uses."""

from __future__ import annotations

from redline.pipeline.agreement import agreement_pairs, declared_judges
from redline.records import RunManifest

ANSWER = frozenset({"refusal", "deflection", "state_narrative", "substantive", "degenerate", "blocked", "error"})


def manifest(*judges: str, primary: dict[str, str]) -> RunManifest:
    return RunManifest(run_id="r", created_at="2026-01-01T00:00:00Z", redline_version="0", python="3", seed=0,
                       judges={name: f"fp-{name}" for name in judges}, primary_judges=primary)


def test_todays_judges_compare_the_model_grader_with_the_rule_judge_only() -> None:
    declared = declared_judges()
    m = manifest("code-security", "code-exec", "answer-rules", "answer-model",
                 primary={"code": "code-exec", "question": "answer-rules"})
    assert agreement_pairs(m, declared) == [("answer-rules", "answer-model")]  # exec labels are not static ones
    assert agreement_pairs(manifest("code-security", "answer-rules",
                                    primary={"code": "code-security", "question": "answer-rules"}), declared) == []


def test_any_judge_of_the_kind_with_the_primary_labels_is_compared() -> None:
    declared = {"rules": ("question", ANSWER), "other": ("question", frozenset({"refusal", "substantive"})),
                "length": ("question", frozenset({"short", "long"})), "code": ("code", frozenset({"secure"})),
                "code-2": ("code", frozenset({"secure"}))}
    m = manifest("code", "rules", "length", "other", "code-2", primary={"question": "rules", "code": "code"})
    assert agreement_pairs(m, declared) == [("rules", "other"), ("code", "code-2")]
    gone = manifest("rules", "other", "removed", primary={"question": "rules"})  # a plug-in no longer installed
    assert agreement_pairs(gone, declared) == [("rules", "other")]
