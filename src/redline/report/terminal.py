"""The statistics of a run as a rich table for the terminal (confirmatory contrasts first)."""

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
                          ("95% CI", "right"), ("adjusted p", "right"), ("", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for c in rows[:limit]:
        first, second = c.rates
        table.add_row(c.id, fmt.count(c.n_pairs), f"{fmt.pct(first)} -> {fmt.pct(second)}",
                      fmt.points(c.difference), fmt.interval_points(c.ci),
                      fmt.pvalue(c.p_adjusted), "significant" if c.significant else "")
    if not rows:
        table.add_row("(no confirmatory or significant contrast)", "", "", "", "", "", "")
    return table
