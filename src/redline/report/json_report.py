"""The JSON report: the statistics (their ``stats.json`` form) plus summary, manifest and judge metrics under a
versioned schema."""

from __future__ import annotations

from typing import Any

from redline.report.build import Report

REPORT_SCHEMA = "redline.report"
REPORT_VERSION = 1
STATS_KEYS = ("alpha", "seed", "bootstrap_reps", "judges", "counts", "conditions", "outcomes", "rates", "labels",
              "kill_switch", "topic_language", "contrasts", "language", "topics", "did", "families", "plan",
              "warnings", "design", "matched", "provider")


def report_json(report: Report) -> dict[str, Any]:
    s = report.stats.to_json()
    return {
        "schema": REPORT_SCHEMA, "schema_version": REPORT_VERSION,
        "stats_schema": report.stats.schema, "stats_schema_version": report.stats.schema_version,
        "run_id": report.run_id, "title": report.title, "summary": list(report.summary),
        **{k: s.get(k) for k in STATS_KEYS},
        **({"judge_error": s["judge_error"]} if report.stats.judge_error else {}),  # judged and corrected figures
        **({"code_languages": s["code_languages"]} if report.stats.code_languages else {}),  # per language
        **({"calibration": s["calibration"]} if report.stats.calibration is not None else {}),
        "judge_metrics": [{"scope": a, "metric": b, "value": c} for a, b, c in report.judge_metrics],
        "manifest": report.manifest,
    }
