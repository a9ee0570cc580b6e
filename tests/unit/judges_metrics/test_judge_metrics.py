"""The judges' measured error rates shipped for reports match a fresh evaluation on the labelled sets."""

from __future__ import annotations

from typing import Any

from click.testing import CliRunner

from redline.cli import cli
from redline.judges.metrics import evaluate_all, headline, load_judge_metrics


def figures(data: dict[str, Any]) -> dict[str, Any]:
    """Everything but fingerprints (those also hash analyser versions)."""
    if isinstance(data, dict):
        return {k: figures(v) for k, v in data.items() if k != "fingerprint"}
    return data


def test_shipped_snapshot_is_current() -> None:
    fresh = headline(evaluate_all())
    assert figures(load_judge_metrics()) == figures(fresh), (
        "judge_metrics.json is stale: run `redline judges evaluate --write-snapshot` and commit it")


def test_evaluate_command_reports_both_splits() -> None:
    result = CliRunner().invoke(cli, ["judges", "evaluate", "--which", "answer"])
    assert result.exit_code == 0, result.output
    assert "holdout" in result.output and "dev" in result.output and "macroF1" in result.output
