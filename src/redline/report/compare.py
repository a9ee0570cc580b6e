"""Comparison reports of several runs: HTML (self-contained, no script), Markdown and JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from redline.errors import ConfigError
from redline.report import fmt, plots
from redline.report.markdown import table
from redline.store.jsonl import write_text_atomic

COMPARE_FORMATS = ("html", "md", "json")
SIDE_BY_SIDE_OUTCOMES = ("vulnerable", "refused", "invalid", "refusal", "state_narrative", "deflection")


def compare_summary(result: Mapping[str, Any]) -> list[str]:
    """Plain words for the confirmatory and language differences between models."""
    out = []
    for d in result.get("differences", []):
        headline_language = (d["section"] == "language" and d["id"].endswith("/sensitive")
                             and d.get("outcome") in ("refusal", "state_narrative"))
        if d.get("family") != "confirmatory" and not headline_language:
            continue
        diff = d.get("difference")
        if not fmt.is_number(diff):
            continue
        what = (f"the `{d['condition']}` context's effect on {d['outcome']} code" if d["section"] == "contrasts"
                else f"the Chinese-minus-English gap in {d['outcome']} on sensitive topics")
        size = "the same" if round(100 * diff, 1) == 0 else \
            f"{fmt.points(diff, signed=False)} points {'larger' if diff > 0 else 'smaller'}"
        out.append(f"For {d['other']}, {what} was {size} than for {d['reference']} "
                   f"(95% CI {fmt.interval_points(d.get('ci'))} points; p = {fmt.pvalue(d.get('p'))}, "
                   f"BH-adjusted {fmt.pvalue(d.get('p_bh'))}).")
    if not out:
        out.append("No confirmatory contrast is present in more than one run.")
    return out


def compare_plot(result: Mapping[str, Any]) -> str:
    rows = []
    for d in result.get("differences", []):
        if d["section"] not in ("contrasts", "language") or d.get("outcome") not in SIDE_BY_SIDE_OUTCOMES:
            continue
        low, high = d.get("ci") or [None, None]
        label = f"{d['outcome']} · {d.get('condition') or d['id'].split('/')[-1]} · {d['other']}"
        rows.append(plots.ForestRow(label, d.get("difference"), low, high, significant=bool(d.get("significant")),
                                    emphasis=d.get("family") == "confirmatory"))
    rows.sort(key=lambda r: not r.emphasis)
    return plots.forest_plot(rows[:60], title="Difference in effect: other run minus reference (95% CI)")


def render_compare_markdown(result: Mapping[str, Any]) -> str:
    runs = result["runs"]
    lines = ["# redline comparison", "", "## Summary", ""] + [f"- {s}" for s in compare_summary(result)]
    lines += ["", "## Runs", ""]
    lines += table(["run", "planned", "analysed", "missing", "errored"],
                   [[r["label"], r["counts"]["planned"], r["counts"]["ok"], r["counts"]["missing"],
                     r["counts"]["errored"]] for r in runs])
    lines += ["", "## Effects side by side (difference in points, 95% CI, adjusted p)", ""]
    rows = []
    for c in result["contrasts"]:
        if c["section"] not in ("contrasts", "language") or c.get("outcome") not in SIDE_BY_SIDE_OUTCOMES:
            continue
        cells = [f"{fmt.points(v['difference'])} [{fmt.interval_points(v['ci'])}] p={fmt.pvalue(v['p_adjusted'])}"
                 if v else "-" for v in c["runs"]]
        rows.append([c["id"], *cells])
    lines += table(["contrast", *(r["label"] for r in runs)], rows)
    lines += ["", "## Difference in effect (other minus reference)", ""]
    lines += ["Each p-value comes from the test its interval inverts, so p < alpha exactly when the 95% CI "
              "excludes 0.", ""]
    lines += table(["contrast", "other", "difference (points)", "95% CI (points)", "test", "p", "p BH"],
                   [[d["id"], d["other"], fmt.points(d["difference"]), fmt.interval_points(d["ci"]),
                     d.get("test", ""), fmt.pvalue(d["p"]), fmt.pvalue(d.get("p_bh"))] for d in result["differences"]])
    lines += ["", "## Rates side by side", ""]
    lines += table(["kind", "outcome", "condition", *(r["label"] for r in runs)],
                   [[r["kind"], r["outcome"], r["condition"],
                     *(f"{fmt.pct(v['rate'])} ({v['events']}/{v['n']})" if v else "-" for v in r["runs"])]
                    for r in result["rates"] if r["outcome"] in SIDE_BY_SIDE_OUTCOMES])
    if result.get("warnings"):
        lines += ["", "**Warnings**", ""] + [f"- {w}" for w in result["warnings"]]
    return "\n".join(lines) + "\n"


def render_compare_html(result: Mapping[str, Any]) -> str:
    from redline.report.html import environment

    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    from markupsafe import Markup

    from redline.report.html import asset

    return environment().get_template("compare.html.j2").render(
        result=result, summary=compare_summary(result), plot=compare_plot(result), csp=csp,
        css=Markup(asset("report.css")), outcomes=SIDE_BY_SIDE_OUTCOMES)  # noqa: S704 - our own stylesheet


def write_comparison(result: Mapping[str, Any], out_dir: Path, formats: Sequence[str] = COMPARE_FORMATS
                     ) -> list[Path]:
    unknown = [f for f in formats if f not in COMPARE_FORMATS]
    if unknown:
        raise ConfigError(f"--format: unknown format {unknown[0]!r} (known: {', '.join(COMPARE_FORMATS)})")
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for f in dict.fromkeys(formats):
        path = out_dir / f"compare.{f}"
        if f == "html":
            text = render_compare_html(result)
        elif f == "md":
            text = render_compare_markdown(result)
        else:
            text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
        write_text_atomic(path, text)
        paths.append(path)
    return paths


def side_by_side(result: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [c for c in result["contrasts"] if c["section"] in ("contrasts", "language")
            and c.get("outcome") in SIDE_BY_SIDE_OUTCOMES]
