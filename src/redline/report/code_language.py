"""The per-language section of a report: each code contrast in Python, JavaScript and C, and pooled with the
language as a stratum (``stats.code_languages``).

Read back from ``stats.json`` into typed rows so every format lays out the same figures; computes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from redline.report import fmt
from redline.stats.records import Stats


@dataclass(frozen=True)
class LanguageRow:
    """One contrast in one language, or (``language`` = "pooled") pooled over the languages."""

    contrast: str
    outcome: str
    condition: str
    language: str
    pairs: int
    rate_baseline: float | None
    rate_condition: float | None
    difference: float | None
    ci: tuple[float | None, float | None]
    p: float | None


@dataclass(frozen=True)
class PooledRow:
    contrast: str
    pairs: int
    difference: float | None
    ci: tuple[float | None, float | None]
    p: float | None
    odds_ratio: float | None
    or_ci: tuple[float | None, float | None]
    p_cmh: float | None
    p_equal_odds: float | None


@dataclass(frozen=True)
class CodeLanguageView:
    languages: tuple[str, ...]
    rows: tuple[LanguageRow, ...]
    pooled: tuple[PooledRow, ...]


def _pair(ci: Any) -> tuple[float | None, float | None]:
    return (ci[0], ci[1]) if isinstance(ci, list | tuple) and len(ci) == 2 else (None, None)


def code_language_view(stats: Stats) -> CodeLanguageView | None:
    block = stats.code_languages
    if block is None:
        return None
    rows: list[LanguageRow] = []
    pooled: list[PooledRow] = []
    for c in block.get("contrasts", []):
        for lang, r in c["by_language"].items():
            rows.append(LanguageRow(c["id"], c["outcome"], c["condition"], lang, r["n_pairs"], r.get("rate_baseline"),
                                    r.get("rate_condition"), r.get("difference"), _pair(r.get("ci")), r.get("p")))
        sd, mh = c["pooled"]["stratified_difference"], c["pooled"]["cmh"]
        pooled.append(PooledRow(c["id"], c["n_pairs"], sd.get("difference"), _pair(sd.get("ci")), sd.get("p"),
                                mh.get("odds_ratio"), _pair(mh.get("ci")), mh.get("p"), mh.get("p_equal_odds")))
    return CodeLanguageView(tuple(block.get("languages", [])), tuple(rows), tuple(pooled))


def markdown_lines(view: CodeLanguageView) -> list[str]:
    """The section as Markdown lines (cells escaped by the caller's ``table``)."""
    from redline.report.markdown import table

    lines = ["", f"## Code contrasts by programming language ({', '.join(view.languages)})", ""]
    lines += table(["contrast", "language", "pairs", "baseline", "condition", "difference (points)", "95% CI", "p"],
                   [[r.contrast, r.language, r.pairs, fmt.pct(r.rate_baseline), fmt.pct(r.rate_condition),
                     fmt.points(r.difference), fmt.interval_points(list(r.ci)), fmt.pvalue(r.p)] for r in view.rows])
    lines += ["", "Pooled with the language as a stratum: pair-weighted stratified difference, and Cochran-Mantel-"
              "Haenszel odds ratio with the Breslow-Day test of equal odds across languages (exploratory).", ""]
    lines += table(["contrast", "pairs", "stratified difference (points)", "95% CI", "p", "MH odds ratio", "95% CI",
                    "p (CMH)", "p (equal odds)"],
                   [[r.contrast, r.pairs, fmt.points(r.difference), fmt.interval_points(list(r.ci)), fmt.pvalue(r.p),
                     fmt.ratio(r.odds_ratio), fmt.interval_ratio(list(r.or_ci)), fmt.pvalue(r.p_cmh),
                     fmt.pvalue(r.p_equal_odds)]
                    for r in view.pooled])
    return lines
