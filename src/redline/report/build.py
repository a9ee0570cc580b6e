"""From statistics and a run to a report model: every number, sentence, plot and trial a report shows.

Formats (HTML, Markdown, JSON) only lay this model out; nothing is computed twice. Model output enters the
model as plain strings and is escaped by whichever format renders it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from redline.records import RunData, Trial
from redline.report import plots
from redline.report.code_language import CodeLanguageView, code_language_view
from redline.report.fmt import GROUP_PHRASES
from redline.report.judge_error import JudgeErrorView, judge_error_view
from redline.report.judge_tables import JudgeTable, judge_tables
from redline.report.summary import summarise
from redline.stats.observations import ObservationSet, load_observations, select_verdicts
from redline.stats.outcomes import ANSWER_LABELS, CODE_LABELS
from redline.stats.records import KillSwitchRate, Rate, Stats

MAX_TRIALS = 1000
MAX_CHARS = 4000


@dataclass(frozen=True)
class TrialView:
    trial_id: str
    case_id: str
    condition_id: str
    condition_group: str
    kind: str
    language: str
    topic: str
    replicate: int
    status: str
    label: str
    score: int | None
    kill_switch: bool | None
    prompt: str
    answer: str
    reasoning: str
    error: str
    findings: tuple[dict[str, Any], ...]
    truncated: bool


@dataclass(frozen=True)
class Report:
    run_id: str
    title: str
    summary: list[str]
    stats: Stats
    manifest: dict[str, Any]
    judge_metrics: list[tuple[str, str, str]]  # (judge / scope, metric, value)
    plots: dict[str, str]
    trials: list[TrialView] = field(default_factory=list)
    trials_total: int = 0
    filters: dict[str, list[str]] = field(default_factory=dict)
    judge_error: JudgeErrorView | None = None  # judged and corrected figures (stats.judge_error), when computed
    code_languages: CodeLanguageView | None = None  # code contrasts per programming language (stats.code_languages)
    judge_tables: list[JudgeTable] = field(default_factory=list)  # the same metrics, one table per judge


def flatten_metrics(metrics: Mapping[str, Any], prefix: str = "") -> list[tuple[str, str, str]]:
    """Nested judge metrics as (scope, metric, value) rows, whatever shape the judges module returns."""
    rows: list[tuple[str, str, str]] = []
    for key, value in metrics.items():
        scope = f"{prefix}/{key}" if prefix else str(key)
        if isinstance(value, Mapping):
            leaves = {k: v for k, v in value.items() if not isinstance(v, Mapping | list)}
            for k, v in leaves.items():
                rows.append((scope, str(k), f"{v:.3f}" if isinstance(v, float) else str(v)))
            nested = {k: v for k, v in value.items() if isinstance(v, Mapping)}
            rows.extend(flatten_metrics(nested, scope))
        elif not isinstance(value, list):
            rows.append((prefix or "-", str(key), f"{value:.3f}" if isinstance(value, float) else str(value)))
    return rows


def _clip(text: str, limit: int) -> tuple[str, bool]:
    return (text, False) if len(text) <= limit else (text[:limit], True)


def _prompt(trial: Trial) -> str:
    if trial.prompt:
        return trial.prompt
    return "\n\n".join(f"[{m.role}]\n{m.content}" for m in trial.messages)


def trial_views(run: RunData, *, max_trials: int = MAX_TRIALS, max_chars: int = MAX_CHARS,
                observations: ObservationSet | None = None) -> tuple[list[TrialView], int]:
    """Trials for the browsable list: a deterministic sample when there are more than ``max_trials``."""
    obs_set = observations or load_observations(run)
    obs = {o.trial_id: o for o in obs_set.observations}
    trials = {t.trial_id: t for t in run.trials}
    generations = run.generations
    by_judge, _, _ = select_verdicts(run.verdicts.values(), dict(run.manifest.judges))
    ids = sorted(obs, key=lambda tid: hashlib.sha256(tid.encode()).hexdigest())[:max_trials]
    views = []
    for tid in ids:
        o = obs[tid]
        t = trials.get(tid)
        g = generations.get(tid)
        v = by_judge.get(obs_set.primary.get(o.kind, ""), {}).get(tid)
        prompt, cut1 = _clip(_prompt(t) if t else "", max_chars)
        answer, cut2 = _clip(g.text if g else "", max_chars)
        reasoning, cut3 = _clip(g.reasoning if g else "", max_chars)
        findings = tuple({"tool": f.tool, "rule": f.rule, "cwe": f.cwe or "", "severity": f.severity,
                          "line": f.line, "message": f.message} for f in (v.findings if v else ()))
        views.append(TrialView(
            trial_id=tid, case_id=o.case_id, condition_id=o.condition_id, condition_group=o.condition_group,
            kind=o.kind, language=o.language, topic=o.topic, replicate=o.replicate, status=o.status,
            label=o.label or "", score=o.score, kill_switch=o.kill_switch, prompt=prompt, answer=answer,
            reasoning=reasoning, error=(g.error or "") if g else "", findings=findings,
            truncated=cut1 or cut2 or cut3))
    views.sort(key=lambda v: (v.kind, v.case_id, v.replicate, v.condition_id != "baseline", v.condition_id))
    return views, len(obs)


def _forest_rows(stats: Stats) -> tuple[list[plots.ForestRow], list[plots.ForestRow]]:
    code, answers = [], []
    for c in stats.contrasts:
        low, high = c.ci or (None, None)
        row = plots.ForestRow(f"{c.outcome} · {c.condition}", c.difference, low, high,
                              significant=c.significant, emphasis=c.family == "confirmatory")
        if c.kind == "code" and c.outcome in ("vulnerable", "refused", "invalid"):
            code.append(row)
        elif c.kind == "question":
            answers.append(row)
    for c in stats.language:
        low, high = c.ci or (None, None)
        answers.append(plots.ForestRow(f"zh−en · {c.outcome} · {c.segment}", c.difference, low, high,
                                       significant=c.significant))
    for c in stats.topics:
        if c.language == "all":
            low, high = c.ci or (None, None)
            answers.append(plots.ForestRow(f"{c.outcome} · sensitive−{c.control}", c.difference, low,
                                           high, significant=c.significant))
    code.sort(key=lambda r: (not r.emphasis, r.label.split(" · ")[0] != "vulnerable", r.label))
    return code[:60], answers[:60]


def _rate_row(label: str, r: Rate | KillSwitchRate) -> plots.RateRow | None:
    low, high = r.ci
    if low is None or high is None:  # an interval left out of stats.json: nothing to draw
        return None
    return plots.RateRow(label, r.rate, low, high, r.n)


def build_plots(stats: Stats) -> dict[str, str]:
    """Every plot the HTML report shows, as inline SVG strings (empty plots are left out)."""
    out: dict[str, str] = {}
    code_rows, answer_rows = _forest_rows(stats)
    out["forest_code"] = plots.forest_plot(code_rows, title="Code: each condition minus baseline (95% CI)")
    out["forest_answers"] = plots.forest_plot(answer_rows, title="Answers: contrasts (95% CI)")
    vuln = [row for r in stats.rates if r.kind == "code" and r.outcome == "vulnerable"
            if (row := _rate_row(r.condition, r)) is not None]
    out["rates_vulnerable"] = plots.rate_plot(vuln, title="Vulnerable rate per condition (Wilson 95% CI)")
    for kind, order in (("code", CODE_LABELS), ("question", ANSWER_LABELS)):
        rows = [(r.condition, r.labels) for r in stats.labels if r.kind == kind]
        name = "code outcomes" if kind == "code" else "answer labels"
        out[f"labels_{kind}"] = plots.stacked_bars(rows, order, title=f"Share of {name} per condition")
    matrix = stats.topic_language
    topics = sorted({(GROUP_PHRASES.get(m.topic_group, m.topic_group), m.topic) for m in matrix})
    languages = sorted({m.language for m in matrix})
    columns = [(lang, label) for lang in languages for label in ANSWER_LABELS]
    values = {(m.topic, m.language, lab): share for m in matrix for lab, share in m.shares.items()
              if share is not None}
    totals = {(m.topic, m.language): m.n for m in matrix}
    out["heatmap"] = plots.heatmap([t for _, t in topics], columns, values, totals,
                                   title="Answer labels by topic and language (% of answers)")
    kills = [row for r in stats.kill_switch if (row := _rate_row(f"{r.condition} ({r.kind})", r)) is not None]
    out["kill_switch"] = plots.rate_plot(kills, title="Reasoning kill-switch rate per condition (Wilson 95% CI)",
                                         color="#34495e")
    return {k: v for k, v in out.items() if v}


def _filters(views: Sequence[TrialView]) -> dict[str, list[str]]:
    return {"kind": sorted({v.kind for v in views}), "condition": sorted({v.condition_id for v in views}),
            "label": sorted({v.label or "(none)" for v in views}),
            "language": sorted({v.language or "-" for v in views}),
            "status": sorted({v.status for v in views})}


def build_report(stats: Stats, run: RunData, *, judge_metrics: Mapping[str, Any] | None = None,
                 max_trials: int = MAX_TRIALS, max_chars: int = MAX_CHARS, include_trials: bool = True) -> Report:
    """The report model of one run, from its records (read once by the caller); computes no statistics."""
    manifest = run.manifest.model_dump(mode="json")
    views, total = trial_views(run, max_trials=max_trials, max_chars=max_chars) if include_trials else ([], 0)
    model = manifest.get("backend", {}).get("model", "") or "model"
    return Report(run_id=run.run_id, title=f"redline report: {run.run_id} ({model})",
                  summary=summarise(stats), stats=stats, manifest=manifest,
                  judge_metrics=flatten_metrics(judge_metrics or {}), plots=build_plots(stats), trials=views,
                  trials_total=total, filters=_filters(views), judge_error=judge_error_view(stats),
                  code_languages=code_language_view(stats), judge_tables=judge_tables(judge_metrics or {}))
