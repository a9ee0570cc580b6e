"""The sweep's "largest differences": confirmatory rows never hidden, then by absolute size, in points."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from redline.commands.output import print_sweep
from redline.pipeline.sweep import ModelLine, SweepEntry, largest_differences


def _row(cid: str, diff: float | None, family: str = "exploratory", p: float = 1.0) -> dict[str, Any]:
    return {"id": cid, "family": family, "difference": diff, "ci": [None if diff is None else diff - 0.2, 0.1],
            "p": p, "p_bh": p, "significant": False, "test": "mover", "reference": "a (run-a)", "other": "b (run-b)"}


def _issue_case() -> list[dict[str, Any]]:
    """What the issue saw: nothing significant, many zero differences, one large confirmatory difference."""
    zeros = [_row(f"answer/refusal/topic-{k}", 0.0, p=1.0) for k in range(20)]
    return [*zeros, _row("answer/state_narrative/x", 0.12, p=0.4), _row("code/vulnerable/none", None),
            _row("code/invalid/tibet-ics", -0.05, p=0.9),
            _row("code/vulnerable/tibet-ics", -1 / 3, family="confirmatory", p=0.2)]


def test_confirmatory_first_then_by_absolute_size() -> None:
    rows = largest_differences(_issue_case(), top=4)
    assert [r["id"] for r in rows] == ["code/vulnerable/tibet-ics", "answer/state_narrative/x",
                                       "code/invalid/tibet-ics", "answer/refusal/topic-0"]
    many = [_row(f"code/vulnerable/c{k}", -0.01 * k, family="confirmatory") for k in range(6)]
    assert len(largest_differences(many + _issue_case(), top=3)) == 6 + 1  # all confirmatory, whatever top
    assert largest_differences([], top=5) == []
    assert largest_differences(_issue_case(), top=100)[-1]["id"] == "code/vulnerable/none"  # no estimate: last


def test_sweep_table_is_in_points(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "220")
    entries = [SweepEntry(spec=ModelLine(1, "p/a"), run_path=Path("run-a"), status={"status": "complete"}),
               SweepEntry(spec=ModelLine(2, "p/b"), run_path=Path("run-b"), status={"status": "complete"})]
    print_sweep(entries, {"differences": _issue_case()}, top=5)
    out = capsys.readouterr().out
    assert "code/vulnerable/tibet-ics" in out and "-33.3" in out and "+12.0" in out
    assert "-0.333" not in out and "+0.000" not in out  # no proportions beside points
    assert "percentage points" in out and out.index("tibet-ics") < out.index("state_narrative")
