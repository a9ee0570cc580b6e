"""``redline adoption`` through click: JSON, tables, HTML, the snapshot sub-command and one-line errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from redline.cli import cli

DATA = Path(__file__).resolve().parents[2] / "data" / "adoption"
CURRENT = DATA / "synthetic-2025-02-01.csv"
PREVIOUS = DATA / "synthetic-2025-01-01.csv"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, ["adoption", *args])


def test_json_has_the_documented_keys() -> None:
    result = invoke("--snapshot", str(CURRENT), "--json", "--attribution", "uploader", "--top-k", "3")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"attribution", "window", "shares_by_country", "shares_by_org", "hhi", "gini", "top_k_share",
            "cadence", "derivatives", "by_attribution"} <= set(data)
    assert data["attribution"] == "uploader"
    assert data["window"]["name"] == "30d"
    assert data["shares_by_country"]["CN"] == pytest.approx(0.5)
    assert data["top_k_share"] == pytest.approx(0.8)
    assert "without_quantized" in data["by_attribution"]["uploader"]


def test_both_attributions_side_by_side_in_json() -> None:
    result = invoke("--snapshot", str(CURRENT), "--json")
    data = json.loads(result.output)
    assert data["attribution"] == "both"
    assert data["shares_by_country"]["uploader"]["CN"] == pytest.approx(0.5)
    assert data["shares_by_country"]["lineage"]["CN"] == pytest.approx(0.75)
    assert data["gini"]["lineage"] == pytest.approx(0.525)


def test_between_window_and_quantised_exclusion() -> None:
    result = invoke("--snapshot", str(CURRENT), "--window", "between", "--previous", str(PREVIOUS),
                    "--exclude-quantized", "--attribution", "uploader", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["window"]["total_downloads"] == 1100
    # without the GGUF repo (200 between the snapshots): 900 downloads, Qwen 500 of them
    assert data["shares_by_country"]["CN"] == pytest.approx(500 / 900)
    assert "intermediary" not in data["shares_by_country"]


def test_extra_orgs_file() -> None:
    result = invoke("--snapshot", str(CURRENT), "--orgs", str(DATA / "extra-orgs.yaml"), "--json",
                    "--attribution", "uploader")
    assert json.loads(result.output)["shares_by_country"]["DE"] == pytest.approx(0.1)


def test_terminal_tables() -> None:
    result = invoke("--snapshot", str(CURRENT))
    assert result.exit_code == 0, result.output
    assert "Share of downloads by developer country" in result.output
    assert "Concentration over developers" in result.output
    assert "75.0%" in result.output  # lineage share of CN


def test_html_report_is_self_contained_and_escaped(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.csv"
    text = CURRENT.read_text(encoding="utf-8")
    text += ('"evil<script>alert(1)</script>/x",'
             '"<img src=x onerror=alert(2)>",10,10,2025-01-30,"Qwen/Qwen2.5-7B",,"gguf",,,2025-02-01\n')
    hostile.write_text(text, encoding="utf-8")
    out = tmp_path / "report" / "adoption.html"
    result = invoke("--snapshot", str(hostile), "--html", str(out), "--json")
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<svg" in html and "Share of downloads by developer country" in html
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert not re.search(r"<[^>]*\b(?:src|href)\s*=|url\(|@import", html)  # no tag fetches anything
    assert set(re.findall(r"https?://[^\s\"'<>]+", html)) <= {"http://www.w3.org/2000/svg"}


def test_snapshot_subcommand_help_lists_both() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert "snapshot" in result.output and "--attribution" in result.output and "--live" in result.output
    sub = invoke("snapshot", "--help")
    assert sub.exit_code == 0 and "--out" in sub.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--snapshot", "missing.csv"], "missing.csv: snapshot file not found"),
        ([], "give exactly one of --snapshot FILE or --live"),
        (["--snapshot", str(CURRENT), "--live"], "give exactly one of"),
        (["--snapshot", str(CURRENT), "--top", "5"], "apply to --live only"),
        (["--snapshot", str(CURRENT), "--window", "between"], "--window between needs --previous"),
        (["--snapshot", str(CURRENT), "--previous", str(PREVIOUS)], "--previous needs --window between"),
        (["--snapshot", str(PREVIOUS), "--window", "between", "--previous", str(CURRENT)], "is not older than"),
        (["--live", "--top", "5", "--authors", "a"], "either --top or --authors"),
    ],
)
def test_bad_input_is_one_line_and_status_2(args: list[str], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_bad_snapshot_lines_are_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a/b"\n', encoding="utf-8")
    result = invoke("--snapshot", str(bad))
    assert result.exit_code == 2
    assert f"{bad}: line 1: invalid JSON" in result.output
