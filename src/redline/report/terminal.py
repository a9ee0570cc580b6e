"""The statistics of a run as rich tables for the terminal: confirmatory contrasts first, then Chinese vs
English."""

from __future__ import annotations

from rich.table import Table

from redline.report import fmt
from redline.stats.records import Stats


def contrasts_table(stats: Stats, *, limit: int = 20) -> Table:
    """Confirmatory contrasts, then significant exploratory ones, as a rich table (plain text cells)."""
    rows = list(stats.confirmatory())
    rows += sorted((c for c in [*stats.contrasts, *stats.language] if c.family == "exploratory" and c.significant),
                   key=lambda c: c.p_adjusted or 1.0)
    table = Table(title=f"contrasts (alpha {stats.alpha}; confirmatory: Holm, exploratory: BH)")
    for name, justify in (("contrast", "left"), ("pairs", "right"), ("rates", "right"), ("difference", "right"),
                          ("95% CI", "right"), ("adjusted p", "right"), ("decision", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for c in rows[:limit]:
        first, second = c.rates
        table.add_row(c.id, fmt.count(c.n_pairs), f"{fmt.pct(first)} -> {fmt.pct(second)}",
                      fmt.points(c.difference), fmt.interval_points(c.ci),
                      fmt.pvalue(c.p_adjusted), "significant" if c.significant else "")
    if not rows:
        table.add_row("(no confirmatory or significant contrast)", "", "", "", "", "", "")
    return table


SEGMENT_ORDER = ("sensitive", "other_country_sensitive", "permitted_political", "all")


def language_table(stats: Stats, *, limit: int = 16) -> Table | None:
    """The Chinese-minus-English contrasts (same questions asked in both languages), China-sensitive topics
    first; None when the run asked no question in both languages."""
    rows = [c for c in stats.language if c.rate("rate_en") is not None or c.rate("rate_zh") is not None]
    if not rows:
        return None
    rows.sort(key=lambda c: (SEGMENT_ORDER.index(c.segment) if c.segment in SEGMENT_ORDER else len(SEGMENT_ORDER),
                             c.outcome))
    shown = rows[:limit]
    table = Table(title=f"Chinese vs English on the same questions ({len(shown)} of {len(rows)}; "
                        f"exploratory, BH-adjusted)")
    for name, justify in (("outcome", "left"), ("topics", "left"), ("pairs", "right"), ("en -> zh", "right"),
                          ("zh - en (points)", "right"), ("95% CI", "right"), ("adjusted p", "right"),
                          ("decision", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for c in shown:
        table.add_row(c.outcome, c.segment, fmt.count(c.n_pairs),
                      f"{fmt.pct(c.rate('rate_en'))} -> {fmt.pct(c.rate('rate_zh'))}", fmt.points(c.difference),
                      fmt.interval_points(c.ci), fmt.pvalue(c.p_adjusted), "significant" if c.significant else "")
    return table
