"""The judges' measured error rates shipped for reports match a fresh evaluation on the labelled sets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from redline.cli import cli
from redline.evaluation.metrics import evaluate_all, headline, load_judge_metrics

DATA = Path(__file__).resolve().parents[2] / "data"


def figures(data: dict[str, Any]) -> dict[str, Any]:
    """Everything but fingerprints (those also hash analyser versions)."""
    if isinstance(data, dict):
        return {k: figures(v) for k, v in data.items() if k != "fingerprint"}
    return data


def test_shipped_snapshot_is_current() -> None:
    fresh = headline(evaluate_all(DATA))
    assert figures(load_judge_metrics()) == figures(fresh), (
        "judge_metrics.json is stale: run `redline judges evaluate --write-snapshot` and commit it")


def test_evaluate_command_reports_both_splits() -> None:
    result = CliRunner().invoke(cli, ["judges", "evaluate", "--which", "answer", "--data-dir", str(DATA)])
    assert result.exit_code == 0, result.output
    assert "holdout" in result.output and "dev" in result.output and "macroF1" in result.output
