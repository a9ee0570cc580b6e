"""The statistics of a run as a rich table for the terminal (confirmatory contrasts first)."""

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
                          ("95% CI", "right"), ("adjusted p", "right"), ("", "left")):
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
