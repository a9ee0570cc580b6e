"""Resampling by cluster: bootstrap intervals and permutation tests that respect replicates of one task.

Replicates of the same task share the task's difficulty, so they are not independent. Resampling whole
clusters (tasks, or question groups) keeps that dependence. All draws come from an explicit
``numpy.random.Generator``; the arrays are vectorised so thousands of resamples cost milliseconds.

The interval uses the bootstrap standard error with a t quantile on K - 1 degrees of freedom and the
small-sample factor sqrt(K / (K - 1)): in our simulations (docs/statistics.md) plain percentile intervals
covered only about 93% with 30 tasks, this one about 95%. The percentile interval is kept for reference.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.stats import t as t_dist

from redline.stats.intervals import Interval

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Resampled:
    """A bootstrap result: the interval, the corrected standard error, and the plain percentile interval."""

    interval: Interval
    se: float
    percentile: Interval


def _ratio_draws(num: Array, den: Array, reps: int, rng: np.random.Generator) -> Array:
    """Resampled sum(num)/sum(den) over clusters drawn with replacement."""
    k = num.size
    weights = rng.multinomial(k, np.full(k, 1.0 / k), size=reps).astype(float)
    total = weights @ den
    with np.errstate(invalid="ignore", divide="ignore"):
        draws: Array = (weights @ num) / total
    return draws


def _summarise(estimate: float, draws: Array, alpha: float, df: int, factor: float) -> Resampled:
    ok = draws[np.isfinite(draws)]
    if ok.size < 2 or df < 1 or not np.isfinite(estimate):
        nan = Interval(float("nan"), float("nan"))
        return Resampled(nan, float("nan"), nan)
    low, high = np.quantile(ok, [alpha / 2, 1 - alpha / 2])
    se = float(np.std(ok, ddof=1)) * factor
    q = float(t_dist.ppf(1 - alpha / 2, df))
    interval = Interval(max(-1.0, estimate - q * se), min(1.0, estimate + q * se))
    return Resampled(interval, se, Interval(float(low), float(high)))


def _ratio(num: Array, den: Array) -> float:
    total = float(den.sum())
    return float(num.sum()) / total if total else float("nan")


def cluster_bootstrap_ratio(num: Array, den: Array, *, alpha: float, reps: int,
                            rng: np.random.Generator) -> Resampled:
    """Interval for sum(num)/sum(den), resampling clusters (one entry per cluster).

    For a paired risk difference, ``num`` is each cluster's sum of (condition - baseline) and ``den`` its
    number of pairs.
    """
    num, den = np.asarray(num, float), np.asarray(den, float)
    k = num.size
    draws = _ratio_draws(num, den, reps, rng)
    return _summarise(_ratio(num, den), draws, alpha, k - 1, float(np.sqrt(k / (k - 1))) if k > 1 else 1.0)


def stratified_bootstrap_difference(num1: Array, den1: Array, num2: Array, den2: Array, *, alpha: float,
                                    reps: int, rng: np.random.Generator) -> Resampled:
    """Interval for ratio1 - ratio2 of two independent groups of clusters, resampled separately."""
    num1, den1, num2, den2 = (np.asarray(x, float) for x in (num1, den1, num2, den2))
    k1, k2 = num1.size, num2.size
    d1, d2 = _ratio_draws(num1, den1, reps, rng), _ratio_draws(num2, den2, reps, rng)
    # per-group small-sample factors, applied to each group's share of the variance
    v1 = float(np.var(d1[np.isfinite(d1)], ddof=1)) * k1 / (k1 - 1) if k1 > 1 else 0.0
    v2 = float(np.var(d2[np.isfinite(d2)], ddof=1)) * k2 / (k2 - 1) if k2 > 1 else 0.0
    draws = d1 - d2
    raw = float(np.var(draws[np.isfinite(draws)], ddof=1)) if draws.size > 1 else 0.0
    factor = float(np.sqrt((v1 + v2) / raw)) if raw > 0 else 1.0
    return _summarise(_ratio(num1, den1) - _ratio(num2, den2), draws, alpha, max(1, min(k1, k2) - 1), factor)


def permutation_pvalue(num: Array, den: Array, group: NDArray[np.bool_], *, reps: int,
                       rng: np.random.Generator) -> float:
    """Two-sided permutation p-value for ratio(group) - ratio(not group), permuting cluster labels.

    Valid when clusters are exchangeable under the null; ``(1 + hits) / (1 + reps)`` never returns 0.
    """
    num, den = np.asarray(num, float), np.asarray(den, float)
    g = np.asarray(group, bool)
    if g.all() or not g.any():
        return 1.0

    def stat(labels: NDArray[np.bool_]) -> Array:
        lab = labels.astype(float)
        with np.errstate(invalid="ignore", divide="ignore"):
            r1 = (lab @ num) / (lab @ den)
            r0 = ((1 - lab) @ num) / ((1 - lab) @ den)
        out: Array = np.nan_to_num(r1 - r0)
        return out

    observed = float(stat(g[None, :])[0])
    perms = rng.permuted(np.tile(g, (reps, 1)), axis=1)
    draws = stat(perms)
    hits = int(np.sum(np.abs(draws) >= abs(observed) - 1e-12))
    return (1 + hits) / (1 + reps)
