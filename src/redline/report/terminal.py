"""The statistics of a run as rich tables for the terminal: confirmatory contrasts first, then Chinese vs
English."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.table import Table

from redline.report import fmt


def contrasts_table(stats: Mapping[str, Any], *, limit: int = 20) -> Table:
    """Confirmatory contrasts, then significant exploratory ones, as a rich table (plain text cells)."""
    rows = [c for c in stats.get("matched", []) if c.get("family") == "confirmatory"]
    rows += [c for c in stats.get("contrasts", []) if c.get("family") == "confirmatory"]
    rows += sorted((c for c in [*stats.get("contrasts", []), *stats.get("language", [])]
                    if c.get("family") == "exploratory" and c.get("significant")),
                   key=lambda c: c.get("p_adjusted") or 1.0)
    table = Table(title=f"contrasts (alpha {stats.get('alpha', 0.05)}; confirmatory: Holm, exploratory: BH)")
    for name, justify in (("contrast", "left"), ("pairs", "right"), ("rates", "right"), ("difference", "right"),
                          ("95% CI", "right"), ("adjusted p", "right"), ("decision", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for c in rows[:limit]:
        first = c.get("rate_baseline", c.get("rate_control", c.get("rate_en")))
        second = c.get("rate_condition", c.get("rate_zh"))
        table.add_row(c["id"], fmt.count(c.get("n_pairs")), f"{fmt.pct(first)} -> {fmt.pct(second)}",
                      fmt.points(c.get("difference")), fmt.interval_points(c.get("ci")),
                      fmt.pvalue(c.get("p_adjusted")), "significant" if c.get("significant") else "")
    if not rows:
        table.add_row("(no confirmatory or significant contrast)", "", "", "", "", "", "")
    return table


SEGMENT_ORDER = ("sensitive", "other_country_sensitive", "permitted_political", "all")


def language_table(stats: Mapping[str, Any], *, limit: int = 16) -> Table | None:
    """The Chinese-minus-English contrasts (same questions asked in both languages), China-sensitive topics
    first; None when the run asked no question in both languages."""
    rows = [c for c in stats.get("language", []) if c.get("rate_en") is not None or c.get("rate_zh") is not None]
    if not rows:
        return None
    rows.sort(key=lambda c: (SEGMENT_ORDER.index(c["segment"]) if c.get("segment") in SEGMENT_ORDER
                             else len(SEGMENT_ORDER), str(c.get("outcome"))))
    shown = rows[:limit]
    table = Table(title=f"Chinese vs English on the same questions ({len(shown)} of {len(rows)}; "
                        f"exploratory, BH-adjusted)")
    for name, justify in (("outcome", "left"), ("topics", "left"), ("pairs", "right"), ("en -> zh", "right"),
                          ("zh - en (points)", "right"), ("95% CI", "right"), ("adjusted p", "right"),
                          ("decision", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for c in shown:
        table.add_row(str(c.get("outcome", "")), str(c.get("segment", "")), fmt.count(c.get("n_pairs")),
                      f"{fmt.pct(c.get('rate_en'))} -> {fmt.pct(c.get('rate_zh'))}", fmt.points(c.get("difference")),
                      fmt.interval_points(c.get("ci")), fmt.pvalue(c.get("p_adjusted")),
                      "significant" if c.get("significant") else "")
    return table
