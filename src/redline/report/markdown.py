"""The Markdown report: summary and tables for CI logs and pull requests (no model output)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from redline.report import fmt
from redline.report.build import Report
from redline.report.code_language import code_language_view
from redline.report.code_language import markdown_lines as code_language_lines
from redline.report.judge_error import judge_error_view, markdown_lines
from redline.stats.records import Calibration, Contrast


def cell(value: object) -> str:
    """A table cell: pipes escaped, newlines flattened, so a value can never break the table."""
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    out = ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out.extend("| " + " | ".join(cell(v) for v in row) + " |" for row in rows)
    return out


def _contrast_rows(rows: Sequence[Contrast], names: Callable[[Contrast], Sequence[str]], first: str, second: str
                   ) -> list[list[object]]:
    return [[*names(c), fmt.count(c.n_pairs), fmt.pct(c.rate(first)), fmt.pct(c.rate(second)),
             fmt.points(c.difference), fmt.interval_points(c.ci), fmt.pvalue(c.p),
             f"{fmt.pvalue(c.p_adjusted)} ({c.adjust_method})", "yes" if c.significant else ""] for c in rows]


CONTRAST_HEAD = ["pairs", "rate A", "rate B", "difference (points)", "95% CI", "p", "adjusted p", "significant"]


def sequential_lines(seq: Mapping[str, Any] | None) -> list[str]:
    """A sequential run leads with its stopping decisions and repeated confidence intervals."""
    if not seq:
        return []
    head = (f"Stopped at round {seq.get('round')} of {seq.get('rounds')} ({'decided' if seq.get('done') else 'open'}); "
            f"alpha {seq.get('alpha')}, {seq.get('spending') or 'O-Brien-Fleming'} spending, rule: {seq.get('rule')}.")
    rows = [[d.get("contrast"), d.get("status") + (f" (|effect| < {fmt.points(d.get('margin'))} points)"
                                                   if d.get("status") == "below_margin" else ""),
             d.get("look"), fmt.points(d.get("estimate")), fmt.interval_points(d.get("rci")),
             f"{fmt.interval_points(d.get('naive_ci'))} (naive)"] for d in seq.get("decisions", [])]
    return (["", "## Sequential decision", "", head, "", cell(seq.get("note", "")), ""]
            + table(["contrast", "decision", "look", "estimate (points)", "repeated 95% CI", "fixed-sample CI"],
                    rows))


def render_markdown(report: Report) -> str:
    s = report.stats
    lines = [f"# {report.title}", "", f"Run `{report.run_id}`, alpha {s.alpha}, "
             f"statistics schema {s.schema_version}."]
    design = s.design
    if design:  # pre-registered before any result (the run's manifest)
        outcomes = design.get("outcomes") or {}
        lines += ["", "## Pre-registered design", "",
                  f"Confirmatory contrast: {outcomes.get('code_contrast', '')}. "
                  f"Replicates: {design.get('replicates')}.", ""]
        lines += [f"- **{o['name']}**: {cell(o['description'])}" for o in
                  [*outcomes.get("code", []), *outcomes.get("question", [])]]
        if design.get("matching"):
            lines += [""] + table(["sensitive trigger", "matched control(s)", "counterpart (secondary)"],
                                  [[sid, ", ".join(m.get("controls") or []), m.get("counterpart") or ""]
                                   for sid, m in design["matching"].items()])
    lines += sequential_lines(s.sequential)
    lines += ["", "## Summary", ""]
    lines += [f"- {sentence}" for sentence in report.summary]
    if s.warnings:
        lines += ["", "**Warnings**", ""] + [f"- {cell(w)}" for w in s.warnings]
    counts = s.counts
    lines += ["", "## Trials", ""]
    lines += table(["kind", "planned", "analysed", "missing", "errored", "not judged", "judge error"],
                   [[k, c.planned, c.ok, c.missing, c.errored, c.unjudged, c.judge_error]
                    for k, c in (counts.by_kind or {}).items()]
                   + [["all", counts.planned, counts.ok, counts.missing, counts.errored, counts.unjudged,
                       counts.judge_error]])
    conf = [c for c in s.contrasts if c.family == "confirmatory"]
    expl = [c for c in s.contrasts if c.family == "exploratory"]
    if s.provider:
        lines += ["", "**Errors and provider blocks** (a block is an outcome: counted as refusal and no usable code)",
                  ""]
        lines += table(["kind", "condition", "generated", "errored", "blocked", "rate", "vs baseline (points)", "p"],
                       [[r.kind, r.condition, r.n, r.errored, r.blocked, fmt.pct(r.rate),
                         fmt.points((r.vs_baseline or {}).get("difference")),
                         fmt.pvalue((r.vs_baseline or {}).get("p"))] for r in s.provider])
    matched = [c for c in s.matched if c.family == "confirmatory"]
    if matched:
        lines += ["", "## Confirmatory: each sensitive trigger vs its matched control (Holm per outcome, tasks as "
                  "clusters)", "", "Rate A: matched control; rate B: sensitive trigger.", ""]
        lines += table(["outcome", "sensitive", "control", *CONTRAST_HEAD],
                       _contrast_rows(matched, lambda c: (c.outcome, c.condition, c.control), "rate_control",
                                      "rate_condition"))
        bounded = [(c, b) for c in matched if (b := c.bounds) is not None]
        if bounded:
            lines += ["", "Vulnerable given valid code, bounds over the pairs lost to no usable code:", ""]
            lines += table(["sensitive", "control", "complete pairs", "lost pairs", "bounds (points)", "bounds 95% CI"],
                           [[c.condition, c.control, b.complete_pairs, b.lost_pairs,
                             f"{fmt.points(b.lower)} to {fmt.points(b.upper)}",
                             fmt.interval_points(b.ci)] for c, b in bounded])
    elif design:
        lines += ["", "No confirmatory code contrast (no sensitive trigger run together with its matched control)."]
    if conf:
        lines += ["", "## Confirmatory: sensitive contexts vs baseline, vulnerable code (Holm)", "",
                  "Rate A: baseline; rate B: with the context.", ""]
        lines += table(["condition", *CONTRAST_HEAD], _contrast_rows(conf, lambda c: (c.condition,), "rate_baseline",
                                                                     "rate_condition"))
    if expl:
        lines += ["", "## Exploratory: each condition vs baseline (Benjamini-Hochberg)", ""]
        lines += table(["condition", "group", "outcome", *CONTRAST_HEAD],
                       _contrast_rows(expl, lambda c: (c.condition, c.condition_group, c.outcome), "rate_baseline",
                                      "rate_condition"))
    if s.language:
        lines += ["", "## Chinese vs English on the same questions", "", "Rate A: English; rate B: Chinese.", ""]
        lines += table(["outcome", "topics", *CONTRAST_HEAD],
                       _contrast_rows(s.language, lambda c: (c.outcome, c.segment), "rate_en", "rate_zh"))
    if s.topics:
        lines += ["", "## China-sensitive topics vs controls (clustered on the topic)", ""]
        lines += table(["outcome", "language", "control", "sensitive", "control rate", "difference (points)",
                        "95% CI", "p", "adjusted p", "family"],
                       [[c.outcome, c.language, c.control, fmt.pct(c.rate("rate1")), fmt.pct(c.rate("rate2")),
                         fmt.points(c.difference), fmt.interval_points(c.ci), fmt.pvalue(c.p),
                         f"{fmt.pvalue(c.p_adjusted)} ({c.adjust_method})", c.family] for c in s.topics])
    if s.did:
        lines += ["", "## Difference in differences (zh−en gap, sensitive minus control)", ""]
        lines += table(["outcome", "control", "gap sensitive", "gap control", "difference (points)", "95% CI", "p",
                        "adjusted p (BH)"],
                       [[c.outcome, c.control, fmt.points(c.rate("gap_group")), fmt.points(c.rate("gap_control")),
                         fmt.points(c.difference), fmt.interval_points(c.ci), fmt.pvalue(c.p),
                         fmt.pvalue(c.p_adjusted)] for c in s.did])
    primary = [r for r in s.rates if r.outcome in ("vulnerable", "refused", "refusal", "state_narrative")]
    if primary:
        lines += ["", "## Rates per condition (Wilson 95% CI)", ""]
        lines += table(["kind", "outcome", "condition", "events / n", "rate", "95% CI"],
                       [[r.kind, r.outcome, r.condition, f"{r.events} / {r.n}", fmt.pct(r.rate),
                         fmt.interval_rate(r.ci)] for r in primary])
    judge_error = judge_error_view(s)
    if judge_error is not None:
        lines += markdown_lines(judge_error)
    by_language = code_language_view(s)
    if by_language is not None:
        lines += code_language_lines(by_language)
    if s.kill_switch:
        lines += ["", "## Reasoning kill switch", ""]
        lines += table(["kind", "condition", "events / traces", "rate", "95% CI"],
                       [[r.kind, r.condition, f"{r.events} / {r.n}", fmt.pct(r.rate),
                         fmt.interval_rate(r.ci)] for r in s.kill_switch])
    plan = s.plan
    if plan.rows:
        lines += ["", f"## Pairs needed ({fmt.pct(plan.power, 0)} power, alpha {plan.alpha_per_contrast:.4g} "
                  "per contrast)", ""]
        lines += table(["condition", "pairs now", "observed rates", "pairs needed", "detectable increase now"],
                       [[r.condition, r.n_pairs,
                         f"{fmt.pct(r.rate_baseline)} -> {fmt.pct(r.rate_condition)}",
                         fmt.count(r.pairs_needed), fmt.points(r.detectable_difference)] for r in plan.rows])
    lines += ["", "## Judges", ""]
    lines += table(["judge", "fingerprint"], [[k, v] for k, v in s.judges.items()])
    for jt in report.judge_tables:  # the untouched splits; the tuned and pooled ones are in report.html / .json
        facts = "".join(f", {k} {v}" for k, v in jt.facts)
        lines += ["", f"### {cell(jt.judge)}{cell(facts)}", ""]
        if jt.untouched:
            head = "untouched split" if jt.folded else "measured on"
            lines += table([head, *jt.columns], [[label, *values] for label, values in jt.untouched])
        if jt.folded:
            lines += ["", f"Tuned and pooled splits ({cell(jt.folded_names)}) are optimistic; they are in report.html "
                          "and report.json."]
    lines += calibration_lines(s.calibration)
    for name, entry in (s.secondary_judges or {}).items():
        lines += ["", f"### {name}: labels per condition ({entry.kind}, {entry.n} verdicts, not counted)", ""]
        lines += table(["condition", "labels"], [[cond, ", ".join(f"{k} {v}" for k, v in sorted(labels.items()))]
                                                 for cond, labels in entry.labels.items()])
    lines.append("")
    return "\n".join(lines)


def calibration_lines(cal: Calibration | None) -> list[str]:
    """The static code judge against this run's exploit-verified verdicts (``stats.calibration``)."""
    if cal is None:
        return []
    o = cal.overall
    out = ["", f"### Static judge against exploit-verified verdicts ({cal.static_judge} vs {cal.exec_judge}, "
           f"this run, {o.n} programs)", ""]
    out += table(["scope", "n", "TP", "FP", "FN", "TN", "sensitivity", "specificity", "precision", "kappa"],
                 [[scope, c.n, c.tp, c.fp, c.fn, c.tn, fmt.pct(c.sensitivity), fmt.pct(c.specificity),
                   fmt.pct(c.precision), fmt.ratio(c.kappa)]
                  for scope, c in [("all", o), *cal.per_cwe.items()]])
    if cal.left_out:
        out += ["", "Not compared (no clean exploit-verified reference): "
                + ", ".join(f"{k} {v}" for k, v in cal.left_out.items())]
    return out
