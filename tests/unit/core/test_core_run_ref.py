"""``redline report|stats|export|config of RUN`` take a run id (what ``redline runs`` prints) as well as a path."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.errors import StoreError
from redline.store.run_dir import find_run


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_report_and_stats_by_run_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = invoke("run", "--suite", "smoke", "--model", "scripted/effect", "--runs-dir", str(tmp_path),
                       "--no-report", "--quiet")
    assert code == 0, out
    assert "summary" in out and "cannot decide its headline" in out  # the plain-words summary, small-run warning
    run_path = Path(out.strip().splitlines()[-1])
    assert find_run(run_path.name, tmp_path).path == run_path and find_run(run_path).path == run_path
    code, out = invoke("report", run_path.name, "--runs-dir", str(tmp_path), "--format", "md")
    assert code == 0 and out.strip().splitlines()[-1] == str(run_path / "report.md"), out
    monkeypatch.chdir(tmp_path.parent)  # the default --runs-dir is ./runs
    (tmp_path.parent / "runs").mkdir(exist_ok=True)
    code, out = invoke("stats", run_path.name)
    assert code == 2 and "not a run directory, nor a run id" in out
    code, out = invoke("stats", run_path.name, "--runs-dir", str(tmp_path))
    assert code == 0 and out.strip().endswith("stats.json")
    code, out = invoke("config", "of", run_path.name, "--runs-dir", str(tmp_path))
    assert code == 0 and "scripted/effect" in out
    with pytest.raises(StoreError):
        find_run("../etc", tmp_path)
