"""Does a trigger's effect differ between two models? A score test for the difference of two paired differences.

Each model's run gives a paired table (first-only ``b``, second-only ``c`` of ``n`` pairs); its effect is
``delta = (c - b) / n``. Runs are independent, so under H0 (equal effects) the two trinomials (b, c, rest)
share ``delta``. The score-type statistic puts the variances at the restricted maximum-likelihood estimates
under H0 (as Tango 1998 does for one paired difference and Miettinen & Nurminen 1985 for two independent
rates), which keeps the size near nominal in small samples where the Wald test (variances at the observed
rates) rejects too often, and stays defined when a run has no discordant pair. With replicates,
``effect_difference_clustered`` pairs the two runs by task instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq, minimize_scalar
from scipy.stats import norm
from scipy.stats import t as t_dist

from redline.stats.clustered import ClusterSums
from redline.stats.intervals import Interval


@dataclass(frozen=True)
class PairedCounts:
    b: int  # event in the first member only
    c: int  # event in the second member only
    n: int  # all pairs

    @property
    def delta(self) -> float:
        return (self.c - self.b) / self.n if self.n else math.nan


def _restricted_p10(t: PairedCounts, delta: float) -> float:
    """MLE of P(first only) given P(second only) - P(first only) = delta (root of the score equation, a quadratic)."""
    n, b, c = t.n, t.b, t.c
    qa = 2 * n
    qb = -b - c + (2 * n + b - c) * delta
    qc = -b * delta * (1 - delta)
    disc = max(0.0, qb * qb - 4 * qa * qc)
    p10 = (-qb + math.sqrt(disc)) / (2 * qa)
    lo, hi = max(0.0, -delta), (1 - delta) / 2
    return min(max(p10, lo), hi)


def _loglik(t: PairedCounts, delta: float) -> float:
    p10 = _restricted_p10(t, delta)
    p01 = p10 + delta
    rest = 1 - p10 - p01
    out = 0.0
    for count, prob in ((t.b, p10), (t.c, p01), (t.n - t.b - t.c, rest)):
        if count:
            out += count * math.log(max(prob, 1e-300))
    return out


def _variance(t: PairedCounts, delta: float) -> float:
    p10 = _restricted_p10(t, delta)
    return max(0.0, 2 * p10 + delta - delta * delta) / t.n


@dataclass(frozen=True)
class EffectDifference:
    difference: float  # second run's effect minus the first's
    ci: Interval
    z: float
    p: float
    test: str


def _score_z(ref: PairedCounts, other: PairedCounts, delta0: float) -> float:
    """Score statistic for H0: other.delta - ref.delta = ``delta0``: both variances at the joint restricted fit
    (ref's effect ``d``, other's ``d + delta0``, ``d`` maximising the joint likelihood)."""
    diff = other.delta - ref.delta
    lo, hi = max(-1.0, -1.0 - delta0) + 1e-9, min(1.0, 1.0 - delta0) - 1e-9
    if lo >= hi:
        return 0.0 if diff == delta0 else math.copysign(math.inf, diff - delta0)
    res = minimize_scalar(lambda d: -(_loglik(ref, d) + _loglik(other, d + delta0)), bounds=(lo, hi),
                          method="bounded", options={"xatol": 1e-10})
    common = float(res.x)
    var0 = _variance(ref, common) + _variance(other, common + delta0)
    if var0 <= 0:
        return 0.0 if diff == delta0 else math.copysign(math.inf, diff - delta0)
    return float((diff - delta0) / math.sqrt(var0))


def effect_difference_test(ref: PairedCounts, other: PairedCounts, alpha: float = 0.05) -> EffectDifference:
    """Score-type test and interval for ``other.delta - ref.delta`` (two independent paired samples).

    The common ``delta`` under H0 maximises the joint restricted likelihood; z = (d2 - d1) / sqrt(V1 + V2)
    with both variances at that restricted fit. The interval inverts the same test (every difference the score
    test does not reject at ``alpha``), so it excludes 0 exactly when p < alpha.
    """
    if ref.n == 0 or other.n == 0:
        return EffectDifference(math.nan, Interval(-2.0, 2.0), math.nan, 1.0, "score-restricted")
    diff = other.delta - ref.delta
    z = _score_z(ref, other, 0.0)
    p = _score_p(ref, other)
    q = float(norm.ppf(1 - alpha / 2))
    return EffectDifference(diff, Interval(_score_limit(ref, other, q, -1), _score_limit(ref, other, q, 1)),
                            float(z), p, "score-restricted")


def _score_limit(ref: PairedCounts, other: PairedCounts, q: float, side: int) -> float:
    """The lower (``side`` -1) or upper (+1) end of the score interval: where |z| reaches ``q`` between the
    estimate (z = 0) and the edge of the parameter space (-2 or 2), by Brent's method."""
    diff = other.delta - ref.delta
    edge = 2.0 * side

    def excess(delta0: float) -> float:
        return min(abs(_score_z(ref, other, delta0)), 1e6) - q

    if excess(edge) < 0:
        return edge  # the test never rejects on this side
    return float(brentq(excess, min(diff, edge), max(diff, edge), xtol=1e-7))


def effect_difference_pvalues(ref: list[PairedCounts], other: list[PairedCounts]) -> np.ndarray:
    """p-values for many contrasts at once (one per position)."""
    return np.array([_score_p(r, o) for r, o in zip(ref, other, strict=True)])


def _score_p(ref: PairedCounts, other: PairedCounts) -> float:
    """The score test's p-value alone (no interval: simulations call this many times)."""
    if ref.n == 0 or other.n == 0:
        return 1.0
    z = _score_z(ref, other, 0.0)
    return float(min(1.0, 2 * norm.sf(abs(z)))) if math.isfinite(z) else 0.0


def effect_difference_clustered(ref: ClusterSums, other: ClusterSums, alpha: float = 0.05) -> EffectDifference:
    """Two models run on the same tasks with replicates: the paired t-test over tasks of the per-task effect
    difference ``d_k(other) / n_k(other) - d_k(ref) / n_k(ref)`` (tasks run by both models only), K - 1 df.

    Tasks are the unit in both runs, and pairing by task removes task difficulty from the comparison.
    """
    common = sorted(set(ref.clusters) & set(other.clusters))
    if len(common) < 2:
        return EffectDifference(math.nan, Interval(-2.0, 2.0), math.nan, 1.0, "paired-t-over-tasks")
    iref = {c: i for i, c in enumerate(ref.clusters)}
    ioth = {c: i for i, c in enumerate(other.clusters)}
    a = np.array([ref.d[iref[c]] / ref.n[iref[c]] for c in common])
    b = np.array([other.d[ioth[c]] / other.n[ioth[c]] for c in common])
    diff = b - a
    k = diff.size
    mean, sd = float(diff.mean()), float(diff.std(ddof=1))
    q = float(t_dist.ppf(1 - alpha / 2, k - 1))
    if sd == 0:  # every task differs by the same amount: the sign test, and the interval that inverts it
        p = 1.0 if mean == 0 else float(min(1.0, 2.0 ** (1 - np.count_nonzero(diff))))
        ci = Interval(mean, mean) if 2.0 ** (1 - k) <= alpha else Interval(-2.0, 2.0)
        return EffectDifference(mean, ci, math.copysign(math.inf, mean) if mean else 0.0, p, "paired-t-over-tasks")
    se = sd / math.sqrt(k)
    stat = mean / se
    return EffectDifference(mean, Interval(mean - q * se, mean + q * se), stat,
                            float(2 * t_dist.sf(abs(stat), k - 1)), "paired-t-over-tasks")
