"""A finer ranking signal than severity, for ordering two programs the judge gave the same severity.

Severity has four levels for judged code, so a vulnerable program and its fix often tie even when the judge saw
a difference (a guard that made a check rate its finding low, one weakness fewer, a low-rated hit where the other
program has a medium one). ``risk`` orders programs *within* a severity level; ranking is by
``(severity, risk)``, so a higher severity always ranks higher whatever the risk.

Each finding gets a weight by its rating (high 3, medium 2, low 1) times a tier factor: 1 when it counted toward
the outcome, 0.25 when it did not count but concerns the asked weakness (in scope: a low-rated sighting, a check
that saw a guard or found no outside input reaching the sink, a tool hit on a class a check owns), 0.05 when it
is about something else. Findings on the same line of the same weakness (CWE, else rule) are one site, weighted
by its strongest finding. ``risk = total / (1 + total)``: 0 with no finding, below 1 always, growing with the
number and strength of the sites. Nothing here knows a data source, a rule name or a CWE.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

from redline.records import Finding

WEIGHTS = {"high": 3.0, "medium": 2.0, "low": 1.0}
COUNTED = 1.0
IN_SCOPE = 0.25
OTHER = 0.05
DIGITS = 4


def site_weight(finding: Finding, *, counted: bool, relevant: bool) -> float:
    """One finding's contribution: its rating's weight times its tier (counted > in scope > other)."""
    tier = COUNTED if counted else IN_SCOPE if relevant else OTHER
    return WEIGHTS.get(finding.severity, WEIGHTS["low"]) * tier


def risk_score(findings: Iterable[Finding], counted: Collection[tuple[str, str, int | None]],
               relevant: Callable[[Finding], bool]) -> float:
    """``total / (1 + total)`` over the program's sites; ``counted`` holds the ``(tool, rule, line)`` keys of the
    counting findings and ``relevant(f)`` says whether an uncounted finding concerns the asked weakness."""
    sites: dict[tuple[str, int | None], float] = {}
    for f in findings:
        key = (f.cwe or f.rule, f.line)
        is_counted = (f.tool, f.rule, f.line) in counted
        weight = site_weight(f, counted=is_counted, relevant=is_counted or relevant(f))
        sites[key] = max(sites.get(key, 0.0), weight)
    total = sum(sites.values())
    return round(total / (1.0 + total), DIGITS)

