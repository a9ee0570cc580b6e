"""Paired comparisons of a binary outcome: the 2x2 table of pairs, its effect sizes, tests and intervals.

A pair is the same task (and replicate) asked with and without a trigger; comparing within pairs removes
the task-to-task variation that dwarfs trigger effects in unpaired comparisons.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from redline.stats.intervals import finite_or_none, newcombe_paired, risk_ratio_paired
from redline.stats.resampling import cluster_bootstrap_ratio
from redline.stats.tests import mcnemar_clustered, mcnemar_exact

MIN_CLUSTERS = 10  # fewer clusters than this: a cluster bootstrap or clustered test is not trustworthy


@dataclass(frozen=True)
class Pair:
    """One pair's outcomes: ``first`` is the reference member (baseline, or English), ``second`` the other."""

    cluster: str
    first: int
    second: int


@dataclass(frozen=True)
class PairTable:
    """a: both events; b: event in the first only; c: in the second only; d: neither."""

    a: int
    b: int
    c: int
    d: int

    @property
    def n(self) -> int:
        return self.a + self.b + self.c + self.d

    @property
    def rate_first(self) -> float:
        return (self.a + self.b) / self.n if self.n else math.nan

    @property
    def rate_second(self) -> float:
        return (self.a + self.c) / self.n if self.n else math.nan

    @property
    def difference(self) -> float:
        return (self.c - self.b) / self.n if self.n else math.nan

    @property
    def wald_se(self) -> float:
        """Standard error of the paired difference (used to combine runs in comparisons)."""
        if not self.n:
            return math.nan
        return math.sqrt(max(0.0, self.b + self.c - (self.c - self.b) ** 2 / self.n)) / self.n


def table_of(pairs: Sequence[Pair]) -> PairTable:
    a = b = c = d = 0
    for p in pairs:
        if p.first and p.second:
            a += 1
        elif p.first:
            b += 1
        elif p.second:
            c += 1
        else:
            d += 1
    return PairTable(a, b, c, d)


def _by_cluster(pairs: Sequence[Pair]) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Per cluster: discordant counts b_k, c_k and number of pairs n_k (clusters sorted for determinism)."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for p in pairs:
        row = counts[p.cluster]
        row[0] += int(bool(p.first and not p.second))
        row[1] += int(bool(p.second and not p.first))
        row[2] += 1
    names = sorted(counts)
    arr = np.array([counts[k] for k in names], dtype=float).reshape(-1, 3)
    return names, arr[:, 0], arr[:, 1], arr[:, 2]


def paired_contrast(pairs: Sequence[Pair], *, alpha: float, rng: np.random.Generator,
                    reps: int = 2000, min_clusters: int = MIN_CLUSTERS) -> dict[str, Any]:
    """Effect of ``second`` vs ``first``: rates, difference with Newcombe interval, risk ratio, exact McNemar;
    with replicates (several pairs per cluster) and enough clusters, a cluster bootstrap interval and a
    clustered McNemar test, which then become the reported interval and p-value."""
    t = table_of(pairs)
    names, b_k, c_k, n_k = _by_cluster(pairs)
    max_per_cluster = int(n_k.max()) if n_k.size else 0
    newcombe = newcombe_paired(t.a, t.b, t.c, t.d, alpha)
    rr, rr_ci = risk_ratio_paired(t.a, t.b, t.c, t.d, alpha)
    p_exact = mcnemar_exact(t.b, t.c) if t.n else None
    out: dict[str, Any] = {
        "n_pairs": t.n, "clusters": len(names), "max_pairs_per_cluster": max_per_cluster,
        "table": {"both": t.a, "first_only": t.b, "second_only": t.c, "neither": t.d},
        "rate_first": finite_or_none(t.rate_first), "rate_second": finite_or_none(t.rate_second),
        "difference": finite_or_none(t.difference), "se": finite_or_none(t.wald_se),
        "ci_newcombe": newcombe.as_list() if t.n else [None, None],
        "risk_ratio": finite_or_none(rr), "rr_ci": rr_ci.as_list(),
        "p_mcnemar_exact": p_exact, "ci_bootstrap": None, "p_clustered": None,
        "ci": newcombe.as_list() if t.n else [None, None], "ci_method": "newcombe-paired",
        "p": p_exact, "test": "mcnemar-exact", "note": "",
        # no discordant pair: no test could ever reject, so the contrast is left out of multiplicity families
        "testable": t.b + t.c > 0,
        # replicates of too few tasks: the p-value may be too small, so the contrast is never significant
        "reliable": not (max_per_cluster > 1 and len(names) < min_clusters),
    }
    if max_per_cluster > 1 and t.n:
        if len(names) >= min_clusters:
            boot = cluster_bootstrap_ratio(c_k - b_k, n_k, alpha=alpha, reps=reps, rng=rng)
            p_cl = mcnemar_clustered(b_k.astype(int).tolist(), c_k.astype(int).tolist())
            out.update(ci_bootstrap=boot.interval.as_list(), ci_bootstrap_percentile=boot.percentile.as_list(),
                       p_clustered=p_cl, ci=boot.interval.as_list(),
                       ci_method="cluster-bootstrap", p=p_cl, test="mcnemar-clustered",
                       se=finite_or_none(boot.se))
        else:
            out["note"] = (f"replicates treated as independent pairs: {len(names)} cases is too few for a "
                           f"clustered analysis (needs {min_clusters}); the p-value may be too small")
    return out
