"""``redline sweep`` takes every ``redline run`` option (one shared option group) and runs locally."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from redline.cli import cli
from redline.commands.run import run
from redline.commands.sweep import sweep


def test_sweep_accepts_every_run_option() -> None:
    assert {p.name for p in run.params} <= {p.name for p in sweep.params}


def test_sweep_of_two_scripted_models(tmp_path: Path) -> None:
    models = tmp_path / "models.txt"
    models.write_text("scripted/effect\nscripted/refuse  # a second model\n", encoding="utf-8")
    runs = tmp_path / "runs"
    result = CliRunner().invoke(cli, ["sweep", str(models), "--suite", "smoke", "--runs-dir", str(runs), "--quiet",
                                      "--no-cache", "--retries", "0", "--timeout", "30", "--max-tokens", "64",
                                      "--no-report", "--condition-sample", "1"])
    assert result.exit_code == 0, result.output
    out = Path(result.output.strip().splitlines()[-1])
    summary = json.loads((out / "sweep.json").read_text(encoding="utf-8"))
    assert [r["model"] for r in summary["runs"]] == ["scripted/effect", "scripted/refuse"]
    assert all(r["status"] == "complete" and r["error"] is None for r in summary["runs"])
    assert (out / "compare.json").exists()
    for entry in summary["runs"]:
        assert (Path(entry["run"]) / "stats.json").exists()  # statistics even with --no-report


def test_sweep_refuses_a_model_option(tmp_path: Path) -> None:
    models = tmp_path / "models.txt"
    models.write_text("scripted/effect\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["sweep", str(models), "--model", "scripted/echo"])
    assert result.exit_code == 2 and "MODELS_FILE" in result.output
