"""Degenerate output is an answer outcome of its own: counted per condition, never as substantive or narrative."""

from __future__ import annotations

from redline.report.fmt import OUTCOME_PHRASES
from redline.report.plots import COLORS
from redline.stats.outcomes import OUTCOMES_BY_NAME, outcomes_for


def test_degenerate_is_its_own_answer_outcome() -> None:
    names = [o.name for o in outcomes_for("question")]
    assert "degenerate" in names
    degenerate = OUTCOMES_BY_NAME["degenerate"]
    assert degenerate.value("degenerate") == 1 and degenerate.value("substantive") == 0


def test_degenerate_never_counts_as_substantive_or_narrative() -> None:
    assert OUTCOMES_BY_NAME["substantive"].value("degenerate") == 0
    assert OUTCOMES_BY_NAME["state_narrative"].value("degenerate") == 0
    assert OUTCOMES_BY_NAME["refusal"].value("degenerate") == 0


def test_degenerate_has_report_wording_and_colour() -> None:
    assert OUTCOME_PHRASES["degenerate"] and COLORS["degenerate"].startswith("#")
