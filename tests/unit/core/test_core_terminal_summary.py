"""The end of ``redline run`` in the terminal: contrasts, Chinese vs English, and the plain-words summary."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from redline.cli import cli


def test_run_prints_contrasts_language_table_and_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["run", "--suite", "smoke", "--model", "scripted/effect", "--runs-dir",
                                      str(tmp_path), "--no-cache", "--retries", "0", "--timeout", "30",
                                      "--max-tokens", "64", "--no-report"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.output
    assert "contrasts (alpha" in out and "decision" in out  # every column has a header
    assert "Chinese vs English on the same questions" in out and "en -> zh" in out
    summary = out.index("summary\n")
    assert out[summary:].lstrip("summary\n").startswith("- ")  # the plain-words sentences follow
    assert out.index("Chinese vs English") < summary
