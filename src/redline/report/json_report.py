"""The JSON report: the statistics plus summary, manifest and judge metrics under a versioned schema."""

from __future__ import annotations

from typing import Any

from redline.report.build import Report

REPORT_SCHEMA = "redline.report"
REPORT_VERSION = 1
STATS_KEYS = ("alpha", "seed", "bootstrap_reps", "judges", "counts", "conditions", "outcomes", "rates", "labels",
              "kill_switch", "topic_language", "contrasts", "language", "topics", "did", "families", "plan",
              "warnings", "design", "matched", "provider")


def report_json(report: Report) -> dict[str, Any]:
    s = report.stats
    return {
        "schema": REPORT_SCHEMA, "schema_version": REPORT_VERSION,
        "stats_schema": s.get("schema"), "stats_schema_version": s.get("schema_version"),
        "run_id": report.run_id, "title": report.title, "summary": list(report.summary),
        **{k: s.get(k) for k in STATS_KEYS},
        **({"judge_error": s["judge_error"]} if s.get("judge_error") else {}),  # judged and corrected figures
        **({"code_languages": s["code_languages"]} if s.get("code_languages") else {}),  # contrasts per language
        **({"calibration": s["calibration"]} if "calibration" in s else {}),
        "judge_metrics": [{"scope": a, "metric": b, "value": c} for a, b, c in report.judge_metrics],
        "manifest": report.manifest,
    }
