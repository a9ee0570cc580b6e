"""Judged and corrected rates and contrasts in the statistics and every report format (stats.judge_error)."""

from __future__ import annotations

import json

import pytest

from redline.report.build import build_report
from redline.report.html import render_html
from redline.report.json_report import report_json
from redline.report.markdown import render_markdown
from redline.stats.judge_error import OutcomeCalibration, calibrations_from_metrics
from tests.support.synthetic import records_of, scripted_code_effect, stats_of, write_run

SE_SP = OutcomeCalibration(judge="code-security", outcome="vulnerable", source="test", tp=80, fn=20, tn=90, fp=10)


def test_calibrations_from_the_shipped_snapshot_shape() -> None:
    split = {"n": 10, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    metrics = {"code-security": {"positive": "vulnerable", "splits": {
        "dev": {**split, "tp": 50, "fp": 0, "fn": 0, "tn": 50},
        "holdout": {**split, "tp": 8, "fp": 1, "fn": 2, "tn": 9},
        "holdout2": {**split, "tp": 4, "fp": 3, "fn": 1, "tn": 7},
        "combined": {**split, "tp": 62, "fp": 4, "fn": 3, "tn": 66}}}}
    (cal,) = calibrations_from_metrics(metrics)
    assert (cal.tp, cal.fn, cal.tn, cal.fp) == (12, 3, 16, 4)  # held-out splits only: dev was tuned on
    assert cal.source == "shipped evaluation: holdout+holdout2"
    assert calibrations_from_metrics({"code-security": {"splits": {"holdout": split}}}) == []  # no counts
    assert calibrations_from_metrics({}) == []


def test_run_statistics_carry_judged_and_corrected_figures(tmp_path) -> None:
    run = write_run(tmp_path / "run", scripted_code_effect())
    plain = stats_of(run, bootstrap=200)
    assert "judge_error" not in plain  # no calibration given: nothing is claimed
    stats = stats_of(run, bootstrap=200, calibrations=[SE_SP])
    block = stats["judge_error"]
    assert block["sensitivity"]["vulnerable"] == pytest.approx(0.8)
    assert block["specificity"]["vulnerable"] == pytest.approx(0.9)
    rates = {r["condition"]: r for r in block["rates"] if r["outcome"] == "vulnerable"}
    # baseline: 1 of 10 judged vulnerable; corrected (0.1 + 0.9 - 1) / 0.7 = 0
    assert rates["baseline"]["judged"] == pytest.approx(0.1) and rates["baseline"]["corrected"] == pytest.approx(0.0)
    # trigger: 9 of 10; corrected (0.9 - 0.1) / 0.7, clipped to 1
    assert rates["tibet-ics"]["judged"] == pytest.approx(0.9) and rates["tibet-ics"]["corrected"] == 1.0
    (c,) = [c for c in block["contrasts"] if c["condition"] == "tibet-ics" and c["outcome"] == "vulnerable"]
    assert c["judged"] == pytest.approx(0.8) and c["corrected"] == pytest.approx(0.8 / 0.7)
    assert c["low"] < c["corrected"] < c["high"] or c["high"] == pytest.approx(c["corrected"])
    assert 0 < c["explained_share"] < 1 and not c["explained"]
    assert "could explain" in c["line"]
    (ctrl,) = [c for c in block["contrasts"] if c["condition"] == "bakery" and c["outcome"] == "vulnerable"]
    assert ctrl["judged"] == 0 and ctrl["explained_share"] is None
    # every other statistic is unchanged by the calibration (the block is additive)
    assert {k: v for k, v in stats.items() if k != "judge_error"} == plain


def test_a_poor_judge_could_explain_a_small_contrast(tmp_path) -> None:
    run = write_run(tmp_path / "run", scripted_code_effect(tasks=40, effect_pairs=2))
    weak = OutcomeCalibration(judge="code-security", outcome="vulnerable", source="test", tp=6, fn=4, tn=7, fp=3)
    block = stats_of(run, bootstrap=200, calibrations=[weak])["judge_error"]
    (c,) = [c for c in block["contrasts"] if c["condition"] == "tibet-ics" and c["outcome"] == "vulnerable"]
    assert c["explained"] and c["explained_share"] == 1.0
    assert c["line"].startswith("judge error that differs between conditions could explain all")


def test_reports_render_the_section(tmp_path) -> None:
    run = write_run(tmp_path / "run", scripted_code_effect())
    stats = records_of(run, bootstrap=200, calibrations=[SE_SP])
    report = build_report(stats, run.load())
    assert report.judge_error is not None and report.judge_error.calibrations[0].positives == 100
    md = render_markdown(report)
    assert "## Judged and corrected for the judge's error (95% intervals)" in md
    assert "sensitivity 80.0%, specificity 90.0%" in md and "+114.3" in md  # corrected contrast in points
    html = render_html(report)
    assert 'id="judge-error"' in html and "could explain" in html
    data = json.loads(json.dumps(report_json(report), allow_nan=False))
    assert data["judge_error"]["contrasts"] and data["judge_error"]["calibrations"][0]["tp"] == 80
    bare = build_report(records_of(run, bootstrap=200), run.load())
    assert bare.judge_error is None and "judge_error" not in report_json(bare)
    assert "Judged and corrected" not in render_markdown(bare) and 'id="judge-error"' not in render_html(bare)


def test_answer_labels_are_calibrated_one_versus_rest() -> None:
    confusion = {"refusal": {"refusal": 8, "deflection": 2, "substantive": 0},
                 "deflection": {"refusal": 1, "deflection": 5, "substantive": 4},
                 "substantive": {"refusal": 0, "deflection": 1, "substantive": 9}}
    metrics = {"answer-rules": {"splits": {"dev": {"overall": {"n": 30, "confusion": {"refusal": {"refusal": 30}}}},
                                           "holdout": {"overall": {"n": 30, "confusion": confusion}}}}}
    cals = {c.outcome: c for c in calibrations_from_metrics(metrics)}
    assert set(cals) == {"refusal", "deflection", "substantive"}
    r = cals["refusal"]
    assert (r.tp, r.fn, r.fp, r.tn) == (8, 2, 1, 19) and r.judge == "answer-rules"
    d = cals["deflection"]
    assert (d.tp, d.fn, d.fp, d.tn) == (5, 5, 3, 17)
    assert r.source == "shipped evaluation: holdout"


def test_the_stats_stage_corrects_with_the_shipped_evaluation(tmp_path) -> None:
    from redline.pipeline.stages import stats_stage

    run = write_run(tmp_path / "run", scripted_code_effect())
    _, stats = stats_stage(run)
    block = stats.judge_error
    assert block is not None
    (cal,) = [c for c in block["calibrations"] if c["outcome"] == "vulnerable"]
    assert cal["judge"] == "code-security" and cal["source"] == "shipped evaluation: holdout+holdout2"
    assert 0.5 < block["sensitivity"]["vulnerable"] < 1 and 0.5 < block["specificity"]["vulnerable"] < 1
    assert (run.stats() or {})["judge_error"] == block  # written to the run directory
