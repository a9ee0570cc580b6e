"""Listing and querying skip what they cannot read (with a warning naming the run); query SQL reaches no file or
network unless --allow-files; CSV output is safe to open in a spreadsheet; SARIF URIs never leave the run."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from redline.cli import cli
from redline.query import csv_cell, run_query
from redline.report.sarif import trial_uri


def _make_runs(runs: Path) -> None:
    for run_id in ("good", "broken", "huge"):
        out = CliRunner().invoke(cli, ["run", "--suite", "smoke", "--model", "scripted/echo", "--runs-dir", str(runs),
                                       "--run-id", run_id, "--no-judge", "--no-report", "--quiet"])
        assert out.exit_code == 0, out.output
    (runs / "broken" / "manifest.json").write_text("{broken")
    gens = runs / "huge" / "generations.jsonl"
    record = json.loads(gens.read_text().splitlines()[0])
    record["text"] = "x" * (17 * 1024 * 1024)  # one record over DuckDB's default 16 MB object limit
    with gens.open("a") as fh:
        fh.write(json.dumps(record) + "\n")


def test_listing_and_querying_skip_unreadable_runs(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    _make_runs(runs)
    listed = CliRunner().invoke(cli, ["runs", "--runs-dir", str(runs)])
    assert listed.exit_code == 0, listed.output
    assert "good\t" in listed.output and "skipping run broken" in listed.output
    warnings: list[str] = []
    out = run_query("select run_id, count(*) as n from generations group by 1 order by 1", runs, "json",
                    warn=warnings.append)
    counts = {row["run_id"]: row["n"] for row in json.loads(out)}
    assert counts["good"] == 12 and counts["huge"] == 13 and "broken" not in counts
    assert any("broken" in w for w in warnings)
    queried = CliRunner().invoke(cli, ["query", "--runs-dir", str(runs), "select count(*) from manifests"])
    assert queried.exit_code == 0 and "skipping run broken" in queried.output


def test_query_cannot_reach_files_unless_allowed(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    _make_runs(runs)
    secret = tmp_path / "outside.csv"
    secret.write_text("a\nsecret-value\n")
    target = tmp_path / "written.csv"
    for sql in (f"select * from read_csv('{secret}')", f"copy (select 1) to '{target}'",
                "install httpfs", "set enable_external_access = true"):
        out = CliRunner().invoke(cli, ["query", "--runs-dir", str(runs), sql])
        assert out.exit_code == 2 and "secret-value" not in out.output, (sql, out.output)
        assert len([line for line in out.output.splitlines() if line.startswith("redline: error")]) == 1
    assert not target.exists()
    allowed = CliRunner().invoke(cli, ["query", "--runs-dir", str(runs), "--allow-files",
                                       f"select * from read_csv('{secret}')"])
    assert allowed.exit_code == 0 and "secret-value" in allowed.output


def test_empty_query_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "runs").mkdir()
    out = CliRunner().invoke(cli, ["query", "--runs-dir", str(tmp_path / "runs"), ""])
    assert out.exit_code == 2 and "empty SQL" in out.output


def test_csv_cells_neutralise_formulas_and_control_characters() -> None:
    assert csv_cell("=HYPERLINK(\"http://x\")").startswith("'=")
    for s in ("+1", "-1+2", "@SUM(A1)", "\tx", "\rx"):
        assert csv_cell(s).startswith("'") or not csv_cell(s).startswith(s[0])
    assert csv_cell("\x1b[31mred\x1b[0m") == "red"
    assert csv_cell("plain") == "plain" and csv_cell(None) == ""


def test_sarif_uris_only_from_plain_ids() -> None:
    assert trial_uri("smoke-abc.1_x") == "trials/smoke-abc.1_x.py"
    for bad in ("../../etc/passwd", "a/b", "..", "x..y", "a b", "\x00", "é"):
        uri = trial_uri(bad)
        assert uri.startswith("trials/id-") and ".." not in uri and uri.count("/") == 1


def test_query_skips_a_run_whose_manifest_is_a_fifo_or_dev_zero(tmp_path: Path) -> None:
    import os

    runs = tmp_path / "runs"
    for run_id in ("good", "fifo", "zero"):
        out = CliRunner().invoke(cli, ["run", "--suite", "smoke", "--model", "scripted/echo", "--runs-dir", str(runs),
                                       "--run-id", run_id, "--no-judge", "--no-report", "--quiet"])
        assert out.exit_code == 0, out.output
    (runs / "fifo" / "manifest.json").unlink()
    os.mkfifo(runs / "fifo" / "manifest.json")  # nobody writes: reading it would hang
    (runs / "zero" / "manifest.json").unlink()
    (runs / "zero" / "manifest.json").symlink_to("/dev/zero")  # reading it would never end
    warnings: list[str] = []
    out = run_query("select run_id, count(*) as n from generations group by 1", runs, "json", warn=warnings.append)
    assert [row["run_id"] for row in json.loads(out)] == ["good"]
    assert any("fifo" in w for w in warnings) and any("zero" in w for w in warnings)
