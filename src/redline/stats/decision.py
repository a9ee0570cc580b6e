"""Can this run decide its headline? A small run's intervals can be wider than any effect worth reporting; the
report and the terminal then say so, and what run would decide it, instead of letting a point estimate read as
a finding.

A headline contrast (a confirmatory one, or a language contrast the summary leads with) is decided when it is
significant or when its 95% interval is narrow enough (half-width at most ``MAX_HALF_WIDTH``) to rule out an
effect of that size. Observed rates of 0% or 100% are replaced by ``0.5 / n`` (or ``1 - 0.5 / n``) for planning,
so a rate that happened to be 0 never leaves "pairs needed" empty.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from redline.stats.plan import correlation_range, paired_pairs
from redline.stats.records import Contrast

MAX_HALF_WIDTH = 0.10  # a 95% interval wider than +-10 points cannot rule out an effect worth reporting
PLAN_EFFECT = 0.10  # the increase a suggested run should detect with 80% power
HEADLINE_LANGUAGE = (("refusal", "sensitive"), ("state_narrative", "sensitive"), ("refusal", "all"),
                     ("state_narrative", "all"))


def planning_rate(rate: float, n: int) -> float:
    """A rate usable for power calculations: an observed 0 or 1 becomes 0.5/n away from the edge."""
    edge = 0.5 / max(n, 1)
    return min(max(rate, edge), 1 - edge)


def pairs_for(p0: float, p1: float, n: int, *, alpha: float, power: float = 0.8, corr: float = 0.0) -> int | None:
    """Pairs needed to detect ``p0 -> p1`` (edge rates moved in; the correlation clamped to what they allow)."""
    a, b = planning_rate(p0, n), planning_rate(p1, n)
    if a == b:
        return None
    lo, hi = correlation_range(a, b)
    try:
        return paired_pairs(a, b, alpha=alpha, power=power, corr=min(max(corr, lo), hi))[0]
    except ValueError:
        return None


def _half_width(c: Contrast) -> float | None:
    low, high = c.ci or (None, None)
    if low is None or high is None or not (math.isfinite(low) and math.isfinite(high)):
        return None
    return float(high - low) / 2


def headline_contrasts(contrasts: Sequence[Contrast], language: Sequence[Contrast]) -> list[Contrast]:
    """The contrasts a summary leads with: every confirmatory one, and the first language headline."""
    rows = [c for c in contrasts if c.family == "confirmatory"]
    by_key = {(c.outcome, c.segment): c for c in language}
    lead = next((by_key[k] for k in HEADLINE_LANGUAGE if k in by_key), None)
    return rows + ([lead] if lead is not None else [])


def decision(contrasts: Sequence[Contrast], language: Sequence[Contrast], *, alpha: float,
             replicates: int = 1) -> dict[str, Any]:
    """Whether the headline is decided, why not, and the run that would decide it (pairs per condition)."""
    rows = headline_contrasts(contrasts, language)
    if not rows:
        return {"decided": False, "sentence": "This run has no headline contrast to decide (no code suite with a "
                                              "sensitive trigger and a baseline, and no question pairs)."}
    undecided = [c for c in rows if not c.significant
                 and ((w := _half_width(c)) is None or w > MAX_HALF_WIDTH)]
    widest = max((w for c in rows if (w := _half_width(c)) is not None), default=None)
    out: dict[str, Any] = {"decided": not undecided, "undecided": [c.id for c in undecided],
                           "max_half_width": widest, "threshold": MAX_HALF_WIDTH}
    if not undecided:
        out["sentence"] = ""
        return out
    confirmatory = [c for c in undecided if c.family == "confirmatory"]
    k = max(1, sum(1 for c in rows if c.family == "confirmatory"))
    needed, now = None, None
    for c in confirmatory:
        n = c.n_pairs or 0
        p0 = c.rate("rate_baseline")
        if p0 is None:
            continue
        m = pairs_for(p0, p0 + PLAN_EFFECT, n, alpha=alpha / k)
        if m is not None and (needed is None or m > needed):
            needed, now = m, n
    width = f"+-{100 * widest:.0f} points" if widest is not None else "undefined"
    sentence = (f"This run cannot decide its headline: {len(undecided)} of {len(rows)} headline contrast(s) are "
                f"neither significant nor narrow (95% intervals up to {width}; deciding needs at most "
                f"+-{100 * MAX_HALF_WIDTH:.0f}). Treat its differences as a smoke test, not a finding.")
    if needed is not None and now is not None:
        cases = max(1, now // max(replicates, 1))
        out.update(pairs_needed=needed, pairs_now=now)
        sentence += (f" Detecting a {100 * PLAN_EFFECT:.0f}-point increase with 80% power needs about {needed:,} "
                     f"pairs per condition (now {now:,}): about {math.ceil(needed / cases):,} replicates of these "
                     f"{cases:,} cases, or more cases (--limit, --profile full), which is better; "
                     f"`redline run --dry-run` shows the cost.")
    out["sentence"] = sentence
    return out
