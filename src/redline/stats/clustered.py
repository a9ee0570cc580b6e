"""Paired inference when each task contributes several replicate pairs: the task (cluster) is the unit.

Replicates of one task at temperature > 0 share the task's difficulty and wording, so they are correlated;
counting them as independent pairs makes p-values too small. Everything here works on per-task sums.

Test: the paired t-test on per-task sums ``d_k = c_k - b_k`` (condition-only minus first-only pairs of task
k), K - 1 df: the task is the unit, and the t reference handles few tasks. The clustered McNemar of Durkalski
et al. (2003), ``(sum d_k)^2 / sum d_k^2`` against chi-square(1) (its large-sample twin, in ``stats.tests``),
uses a null variance that makes it conservative at Bonferroni levels: at nominal 0.0071 (0.05 / 7) with 30
tasks x 5 replicates it rejected 0.54%, the t-test on sums 0.74% (+-0.06), exact McNemar on pairs 1.12%
(``python -m redline.stats.simulate --design-checks``, 20,000 null audits). With fewer than ``MIN_CLUSTERS``
tasks the test is flagged unreliable and a contrast is never called significant.

Interval: the ratio estimator ``sum d_k / sum n_k`` with the cluster-robust (Obuchowski 1998) variance and a
t quantile on K - 1 degrees of freedom; deterministic, so reports are reproducible without a bootstrap.

Risk ratio: ``sum y_k / sum x_k`` (second-member events over first-member events) with a log-scale
linearisation variance over clusters (the ratio-of-totals delta method).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.stats import t as t_dist

from redline.stats.intervals import Interval, newcombe_paired, risk_ratio_paired

MIN_CLUSTERS = 10
Array = NDArray[np.float64]


@dataclass(frozen=True)
class ClusterSums:
    """Per task: pairs ``n``, first-member events ``x``, second-member events ``y``, discordant ``b`` / ``c``."""

    clusters: tuple[str, ...]
    n: Array
    x: Array
    y: Array
    b: Array
    c: Array

    @property
    def k(self) -> int:
        return len(self.clusters)

    @property
    def d(self) -> Array:
        out: Array = self.c - self.b
        return out

    @property
    def pairs(self) -> int:
        return int(self.n.sum())


def cluster_sums(clusters: Sequence[str], first: Sequence[int], second: Sequence[int]) -> ClusterSums:
    """Per-task sums of paired binary outcomes (one entry per pair; clusters sorted for determinism)."""
    rows: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for cl, f, s in zip(clusters, first, second, strict=True):
        r = rows[cl]
        r[0] += 1
        r[1] += int(bool(f))
        r[2] += int(bool(s))
        r[3] += int(bool(f) and not s)
        r[4] += int(bool(s) and not f)
    names = tuple(sorted(rows))
    arr = np.array([rows[k] for k in names], dtype=float).reshape(-1, 5)
    return ClusterSums(names, arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3], arr[:, 4])


def cluster_pvalues(d: ArrayLike, *, axis: int = -1) -> Array:
    """Two-sided p-values of the paired t-test on per-task sums ``d_k = c_k - b_k``, vectorised.

    The t statistic is ``mean(d) / (sd(d) / sqrt(K))`` on K - 1 df. When every task has the same non-zero
    ``d_k`` (sd 0) the exact sign-test p-value ``2^(1 - K')`` over the K' tasks with ``d_k != 0`` is used; all
    zero gives 1.
    """
    arr = np.moveaxis(np.asarray(d, dtype=float), axis, -1)
    k = arr.shape[-1]
    if k < 2:
        return np.ones(arr.shape[:-1])
    mean = arr.mean(axis=-1)
    sd = arr.std(axis=-1, ddof=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        stat = np.where(sd > 0, mean / np.where(sd > 0, sd, 1.0) * np.sqrt(k), 0.0)
    p = 2 * t_dist.sf(np.abs(stat), k - 1)
    nonzero = np.count_nonzero(arr, axis=-1)
    sign = np.minimum(1.0, 2.0 ** (1 - nonzero.astype(float)))
    out: Array = np.where(sd > 0, p, np.where(mean != 0, sign, 1.0))
    return out


def cluster_pvalue(d: ArrayLike) -> float:
    return float(cluster_pvalues(np.asarray(d, dtype=float)))


def difference_interval(sums: ClusterSums, alpha: float = 0.05) -> tuple[float, Interval]:
    """Paired difference ``sum d / sum n`` with a cluster-robust t interval (K - 1 df), clipped to [-1, 1].

    Never narrower than Newcombe's interval for the same pairs taken as independent: correlated replicates
    can only widen it, and a robust variance of 0 (e.g. no discordant pair at all) is not certainty.
    """
    n_tot = float(sums.n.sum())
    if n_tot == 0:
        return math.nan, Interval(-1.0, 1.0)
    est = float(sums.d.sum()) / n_tot
    k = sums.k
    if k < 2:
        return est, Interval(-1.0, 1.0)
    resid = sums.d - est * sums.n
    var = k / (k - 1) * float(np.sum(resid ** 2)) / n_tot ** 2
    q = float(t_dist.ppf(1 - alpha / 2, k - 1))
    half = q * math.sqrt(var)
    b, c = int(sums.b.sum()), int(sums.c.sum())
    both = int(sums.x.sum()) - b
    floor = newcombe_paired(both, b, c, int(n_tot) - both - b - c, alpha)
    return est, Interval(max(-1.0, min(est - half, floor.low)), min(1.0, max(est + half, floor.high)))


def risk_ratio_clustered(sums: ClusterSums, alpha: float = 0.05) -> tuple[float, Interval]:
    """Risk ratio second / first with a cluster-robust log interval (t on K - 1 df).

    With a zero total on either side the log scale is undefined; the unclustered MOVER interval is returned
    as the best available (its width then ignores clustering, which the caller should note).
    """
    x_tot, y_tot = float(sums.x.sum()), float(sums.y.sum())
    if x_tot == 0 or y_tot == 0 or sums.k < 2:
        b, c = int(sums.b.sum()), int(sums.c.sum())
        both = int(x_tot) - b  # first-member events are both + first-only
        return risk_ratio_paired(both, b, c, int(sums.n.sum()) - both - b - c, alpha)
    ratio = y_tot / x_tot
    z = sums.y / y_tot - sums.x / x_tot  # linearised log ratio contributions; they sum to 0
    k = sums.k
    var = k / (k - 1) * float(np.sum(z ** 2))
    q = float(t_dist.ppf(1 - alpha / 2, k - 1))
    half = q * math.sqrt(var)
    return ratio, Interval(math.exp(math.log(ratio) - half), math.exp(math.log(ratio) + half))


@dataclass(frozen=True)
class ClusteredContrast:
    """A paired contrast analysed with tasks as clusters; ``reliable`` is False with too few tasks."""

    pairs: int
    clusters: int
    max_pairs_per_cluster: int
    difference: float
    ci: Interval
    p: float
    risk_ratio: float
    rr_ci: Interval
    reliable: bool
    test: str
    note: str

    def significant(self, p_adjusted: float | None, alpha: float) -> bool:
        """Significant only if the test is reliable and the (adjusted) p-value is at most alpha."""
        p = self.p if p_adjusted is None else p_adjusted
        return self.reliable and p <= alpha


def clustered_contrast(sums: ClusterSums, *, alpha: float = 0.05,
                       min_clusters: int = MIN_CLUSTERS) -> ClusteredContrast:
    """Score test, difference interval and risk ratio with tasks as clusters."""
    est, ci = difference_interval(sums, alpha)
    rr, rr_ci = risk_ratio_clustered(sums, alpha)
    p = cluster_pvalue(sums.d) if sums.k else 1.0
    reliable = sums.k >= min_clusters
    note = "" if reliable else (f"{sums.k} tasks is too few for a clustered test (needs {min_clusters}): "
                                "reported, never marked significant")
    return ClusteredContrast(pairs=sums.pairs, clusters=sums.k,
                             max_pairs_per_cluster=int(sums.n.max()) if sums.k else 0,
                             difference=est, ci=ci, p=p, risk_ratio=rr, rr_ci=rr_ci, reliable=reliable,
                             test="cluster-paired-t", note=note)
