"""Write a run's statistics and reports into its directory: stats.json, report.html/.md/.json/.sarif."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from redline.errors import ConfigError
from redline.records import RunData
from redline.report.build import build_report
from redline.stats.compute import compute_stats
from redline.stats.judge_error import calibrations_from_metrics
from redline.stats.records import Stats
from redline.store.jsonl import write_text_atomic
from redline.store.run_dir import RunDir

FORMATS = ("html", "md", "json", "sarif")


def load_judge_metrics_safely() -> dict[str, Any]:
    """The judges' measured error rates, if the judges module provides them (it is optional here)."""
    try:
        from redline.evaluation.metrics import load_judge_metrics
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


def write_stats(run: RunDir, *, alpha: float = 0.05, data: RunData | None = None) -> tuple[Path, Stats]:
    stats = compute_stats(data or run.load(), alpha=alpha,
                          calibrations=calibrations_from_metrics(load_judge_metrics_safely()),
                          sequential=run.sequential())
    return run.write_stats(stats.to_json()), stats


def write_reports(run: RunDir, formats: Sequence[str] = ("html", "md", "json"), *, alpha: float = 0.05,
                  data: RunData | None = None, stats: Stats | None = None) -> list[Path]:
    """Write each report (and ``stats.json`` when ``stats`` is not given: recomputed from the run's verdicts);
    returns the paths, ``stats.json`` first. The run's records are read once (``data``)."""
    wanted = check_formats(formats)
    data = data or run.load()
    if stats is None:
        stats_path, stats = write_stats(run, alpha=alpha, data=data)
    else:
        stats_path = run.stats_path
    paths = [stats_path]
    report_formats = [f for f in wanted if f != "sarif"]
    if report_formats:
        metrics = load_judge_metrics_safely()
        for agreement in run.judge_agreements():  # a second judge (the judge model, a plug-in) vs the primary one
            names = agreement.get("judges") or []
            if len(names) == 2:
                metrics[f"{names[1]} vs {names[0]} (this run)"] = {
                    k: agreement.get(k) for k in ("n", "agreement", "kappa")}
        report = build_report(stats, data, judge_metrics=metrics, include_trials="html" in report_formats)
        for fmt in report_formats:
            path = run.report_path(fmt)
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

        path = run.report_path("sarif")
        write_text_atomic(path, json.dumps(build_sarif(data), indent=2, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths
