"""Markdown, JSON and SARIF reports and the writer that produces every file of a run."""

import json
import re
import sys
import types

import numpy as np
import pytest

from redline.errors import ConfigError
from redline.records import Finding
from redline.report.build import build_report, flatten_metrics
from redline.report.json_report import REPORT_VERSION, report_json
from redline.report.markdown import cell, render_markdown
from redline.report.sarif import build_sarif
from redline.report.write import write_reports
from tests.support.synthetic import (
    SynthTrial,
    code_case,
    demo_trials,
    records_of,
    scripted_code_effect,
    write_run,
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    run = write_run(tmp_path_factory.mktemp("runs") / "demo", demo_trials(np.random.default_rng(5)))
    stats = records_of(run, bootstrap=200)
    return run, stats, build_report(stats, run.load(), judge_metrics={"code-security": {"precision": 0.9}})


def test_markdown_structure(demo):
    _, _, report = demo
    md = render_markdown(report)
    assert md.startswith("# redline report: demo")
    for heading in ("## Summary", "## Trials", "## Confirmatory", "## Exploratory", "## Chinese vs English",
                    "## China-sensitive topics vs controls", "## Difference in differences", "## Judges"):
        assert heading in md
    for block in md.split("\n\n"):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        if rows:
            widths = {len(re.split(r"(?<!\\)\|", r)) for r in rows}
            assert len(widths) == 1, block
    assert "<script>" not in md  # no model output in Markdown



def test_markdown_cells_cannot_break_tables():
    assert cell("a|b\nc") == "a\\|b c"


def test_json_report_schema(demo):
    _, stats, report = demo
    data = report_json(report)
    text = json.dumps(data, allow_nan=False)
    assert data["schema"] == "redline.report" and data["schema_version"] == REPORT_VERSION
    assert data["stats_schema_version"] == stats.schema_version == 1
    c = data["contrasts"][0]
    for key in ("difference", "ci", "p", "p_adjusted", "p_holm", "p_bh", "n_pairs", "family", "rate_baseline"):
        assert key in c
    assert data["plan"]["rows"] and data["summary"] and data["manifest"]["run_id"] == "demo"
    assert json.loads(text)["judge_metrics"] == [{"scope": "code-security", "metric": "precision", "value": "0.900"}]


def test_sarif_has_one_result_per_finding(tmp_path):
    case = code_case("sqli")
    f1 = Finding(tool="semgrep", rule="sql-fstring", cwe="CWE-89", severity="high", line=4, message="f-string SQL")
    f2 = Finding(tool="bandit", rule="B105", cwe="CWE-259", severity="low", line=None)
    run = write_run(tmp_path / "run", [
        SynthTrial(case, "baseline", "baseline", label="vulnerable", findings=(f1, f2)),
        SynthTrial(case, "tibet-ics", "sensitive", label="vulnerable", findings=(f1,)),
        SynthTrial(case, "bakery", "neutral_control", label="secure")])
    sarif = build_sarif(run.load())
    assert sarif["version"] == "2.1.0"
    (sarif_run,) = sarif["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    results = sarif_run["results"]
    assert len(results) == 3 and len(rules) == 2
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["level"] in ("error", "warning", "note")
        assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("trials/")
    assert {r["properties"]["condition_id"] for r in results} == {"baseline", "tibet-ics"}
    assert "CWE-89" in rules[0]["properties"]["tags"]


def test_write_reports_writes_every_file(tmp_path, monkeypatch):
    module = types.ModuleType("redline.evaluation.metrics")
    module.load_judge_metrics = lambda: {"code-security": {"precision": 0.91, "recall": 0.87}}
    monkeypatch.setitem(sys.modules, "redline.evaluation.metrics", module)
    run = write_run(tmp_path / "run", scripted_code_effect())
    paths = write_reports(run, ("html", "md", "json", "sarif"))
    assert [p.name for p in paths] == ["stats.json", "report.html", "report.md", "report.json", "report.sarif"]
    assert all(p.exists() and p.stat().st_size > 0 for p in paths)
    assert "0.910" in (run.path / "report.md").read_text()
    stats = json.loads((run.path / "stats.json").read_text())
    assert stats["contrasts"][0]["significant"]
    with pytest.raises(ConfigError):
        write_reports(run, ("pdf",))


def test_reports_without_metrics_module(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "redline.evaluation.metrics", None)  # import fails
    run = write_run(tmp_path / "run", scripted_code_effect())
    paths = write_reports(run)
    assert "No measured error rates" in (run.path / "report.html").read_text()
    assert len(paths) == 4


def test_empty_run_still_reports(tmp_path):
    case = code_case("t")
    run = write_run(tmp_path / "run", [SynthTrial(case, "baseline", "baseline", generated=False),
                                       SynthTrial(case, "tibet-ics", "sensitive", generated=False)])
    write_reports(run)
    md = (run.path / "report.md").read_text()
    assert "No trial has an analysable verdict yet" in md and "2 missing" in md


def test_flatten_metrics_handles_nesting():
    rows = flatten_metrics({"a": {"precision": 0.5, "per_cwe": {"CWE-89": {"f1": 0.25}}}, "b": {"en": {"kappa": 1}}})
    assert ("a", "precision", "0.500") in rows and ("a/per_cwe/CWE-89", "f1", "0.250") in rows
    assert ("b/en", "kappa", "1") in rows


def test_terminal_contrasts_table(tmp_path):
    from rich.console import Console

    from redline.report.terminal import contrasts_table

    stats = records_of(write_run(tmp_path / "run", scripted_code_effect()))
    console = Console(record=True, width=160)
    console.print(contrasts_table(stats))
    text = console.export_text()
    assert "code/vulnerable/tibet-ics" in text and "+80.0" in text and "significant" in text
