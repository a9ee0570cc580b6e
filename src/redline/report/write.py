"""Write a run's statistics and reports into its directory: stats.json, report.html/.md/.json/.sarif."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from redline.errors import ConfigError
from redline.report.build import build_report
from redline.stats.compute import compute_stats
from redline.store.jsonl import write_text_atomic
from redline.store.run_dir import STATS, RunDir

FORMATS = ("html", "md", "json", "sarif")
FILE_NAMES = {"html": "report.html", "md": "report.md", "json": "report.json", "sarif": "report.sarif"}


def load_judge_metrics_safely() -> dict[str, Any]:
    """The judges' measured error rates, if the judges module provides them (it is optional here)."""
    try:
        from redline.judges.metrics import load_judge_metrics
    except ImportError:
        return {}
    try:
        metrics = load_judge_metrics()
    except Exception:  # noqa: BLE001 - a report must not fail because metrics could not be read
        return {}
    return dict(metrics) if isinstance(metrics, Mapping) else {}


def check_formats(formats: Sequence[str]) -> list[str]:
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ConfigError(f"--format: unknown format {unknown[0]!r} (known: {', '.join(FORMATS)})")
    return list(dict.fromkeys(formats))


def write_stats(run: RunDir, *, alpha: float = 0.05) -> tuple[Path, dict[str, Any]]:
    stats = compute_stats(run, alpha=alpha)
    return run.write_json(STATS, stats), stats


def write_reports(run: RunDir, formats: Sequence[str] = ("html", "md", "json"), *, alpha: float = 0.05
                  ) -> list[Path]:
    """Recompute statistics from the run's verdicts, write ``stats.json`` and each report; returns the paths."""
    wanted = check_formats(formats)
    stats_path, stats = write_stats(run, alpha=alpha)
    paths = [stats_path]
    report_formats = [f for f in wanted if f != "sarif"]
    if report_formats:
        metrics = load_judge_metrics_safely()
        agreement = run.path / "judge_agreement.json"
        if agreement.exists():  # this run's model-graded judge against the rule judge
            data = json.loads(agreement.read_text(encoding="utf-8"))
            metrics["answer-model vs answer-rules (this run)"] = {
                k: data.get(k) for k in ("n", "agreement", "kappa")}
        report = build_report(stats, run, judge_metrics=metrics,
                              include_trials="html" in report_formats)
        for fmt in report_formats:
            path = run.path / FILE_NAMES[fmt]
            if fmt == "html":
                from redline.report.html import render_html

                write_text_atomic(path, render_html(report))
            elif fmt == "md":
                from redline.report.markdown import render_markdown

                write_text_atomic(path, render_markdown(report))
            else:
                from redline.report.json_report import report_json

                write_text_atomic(path, json.dumps(report_json(report), indent=2, ensure_ascii=False) + "\n")
            paths.append(path)
    if "sarif" in wanted:
        from redline.report.sarif import build_sarif

        path = run.path / FILE_NAMES["sarif"]
        write_text_atomic(path, json.dumps(build_sarif(run), indent=2, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths
