"""Outcomes that keep refusal apart from secure code, and a paired test over all three answer types.

Counting a refusal as "not vulnerable" lets a trigger that makes a model refuse more look like one that makes
it write safer code. Two outcomes replace it (pre-registered in the suite):

(a) *no usable code*: refused, no code, invalid code, a provider block or an answer truncated before its code;
(b) *vulnerable given valid code*: vulnerable among answers with valid code. (b) compares selected subsets, so
    it is reported with worst/best-case bounds over the pairs that (a) removed (Horowitz & Manski 2000 style:
    every lost member imputed vulnerable or secure, whichever favours / disfavours an effect).

The 3-category paired test over {vulnerable, secure, no usable code} is Stuart-Maxwell (1955, 1970) or
Bhapkar (1966) marginal homogeneity; a clustered variant uses per-task sums of marginal differences with the
null (uncentred) covariance, the multivariate form of the clustered McNemar score test.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.stats import chi2
from scipy.stats import f as f_dist

from redline.backends.base import BLOCK_STATUSES as BLOCK_STATUSES  # provider blocks are recognised by backends
from redline.backends.base import BLOCK_WORDS as BLOCK_WORDS
from redline.backends.base import is_provider_block as is_provider_block
from redline.stats.intervals import Interval, newcombe_paired
from redline.stats.paired import Pair, table_of

NO_USABLE_LABELS = frozenset({"refused", "no_code", "invalid", "blocked", "truncated"})
VALID_LABELS = frozenset({"secure", "vulnerable"})
CATEGORIES = ("vulnerable", "secure", "no_usable_code")


def no_usable_code(label: str | None) -> int | None:
    """Outcome (a): 1 for refused / no_code / invalid / blocked / truncated, 0 for valid code, None otherwise
    (errors and unjudged trials stay out)."""
    if label in NO_USABLE_LABELS:
        return 1
    if label in VALID_LABELS:
        return 0
    return None


def vulnerable_given_valid(label: str | None) -> int | None:
    """Outcome (b): 1 vulnerable, 0 secure; None when the answer has no valid code (or is an error)."""
    if label == "vulnerable":
        return 1
    if label == "secure":
        return 0
    return None


def category(label: str | None) -> int | None:
    """Index into ``CATEGORIES`` (vulnerable, secure, no usable code); None for errors."""
    if label == "vulnerable":
        return 0
    if label == "secure":
        return 1
    if label in NO_USABLE_LABELS:
        return 2
    return None


def code_label(label: str, finish_reason: str | None = None, has_code: bool | None = None) -> str:
    """The label a generation counts as once provider signals are read: a content filter is a ``blocked``
    answer; an answer cut off by length before its code is ``truncated`` (one that already holds code keeps
    its judged label, which the judge reached on that code)."""
    if finish_reason == "content_filter":
        return "blocked"
    if finish_reason in ("length", "capped") and not has_code:  # capped: cut at the response size cap
        return "truncated"
    return label


@dataclass(frozen=True)
class BoundedDifference:
    """(b): the conditional paired difference among complete pairs, and bounds over pairs lost to (a)."""

    complete_pairs: int
    lost_pairs: int
    difference: float
    ci: Interval
    lower_bound: float  # best case for "no effect up": lost second members secure, lost first vulnerable
    upper_bound: float  # worst case: lost second members vulnerable, lost first secure
    bounds_ci: Interval  # lower CI limit of the best case, upper CI limit of the worst case


def bounded_vulnerable_difference(first: Sequence[str | None], second: Sequence[str | None],
                                  alpha: float = 0.05) -> BoundedDifference:
    """Paired labels (first = control, second = sensitive) -> outcome (b) with selection bounds.

    Pairs where either member is an error are out. A pair where at least one member has no usable code is
    "lost": its missing members are imputed vulnerable or secure to bound the difference any such answers
    could have produced, had they been code.
    """
    complete: list[Pair] = []
    worst: list[Pair] = []
    best: list[Pair] = []
    lost = 0
    for i, (f, s) in enumerate(zip(first, second, strict=True)):
        cf, cs = category(f), category(s)
        if cf is None or cs is None:
            continue
        vf, vs = (1 if cf == 0 else 0 if cf == 1 else None), (1 if cs == 0 else 0 if cs == 1 else None)
        key = str(i)
        if vf is not None and vs is not None:
            complete.append(Pair(key, vf, vs))
            worst.append(Pair(key, vf, vs))
            best.append(Pair(key, vf, vs))
            continue
        lost += 1
        worst.append(Pair(key, 0 if vf is None else vf, 1 if vs is None else vs))
        best.append(Pair(key, 1 if vf is None else vf, 0 if vs is None else vs))
    t = table_of(complete)
    ci = newcombe_paired(t.a, t.b, t.c, t.d, alpha) if t.n else Interval(-1.0, 1.0)
    tw, tb = table_of(worst), table_of(best)
    ci_w = newcombe_paired(tw.a, tw.b, tw.c, tw.d, alpha) if tw.n else Interval(-1.0, 1.0)
    ci_b = newcombe_paired(tb.a, tb.b, tb.c, tb.d, alpha) if tb.n else Interval(-1.0, 1.0)
    return BoundedDifference(complete_pairs=t.n, lost_pairs=lost, difference=t.difference if t.n else math.nan,
                             ci=ci, lower_bound=tb.difference if tb.n else math.nan,
                             upper_bound=tw.difference if tw.n else math.nan,
                             bounds_ci=Interval(ci_b.low, ci_w.high))


def paired_square_table(first: Sequence[int | None], second: Sequence[int | None], size: int = 3
                        ) -> NDArray[np.int64]:
    """``size`` x ``size`` table: rows the first member's category, columns the second's (None pairs out)."""
    table = np.zeros((size, size), dtype=np.int64)
    for f, s in zip(first, second, strict=True):
        if f is not None and s is not None:
            table[f, s] += 1
    return table


@dataclass(frozen=True)
class HomogeneityTest:
    statistic: float
    df: int
    p: float
    method: str


def _marginal_differences(table: NDArray[np.float64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Row minus column margins (first k - 1) and Stuart-Maxwell's covariance of them."""
    k = table.shape[0]
    d = (table.sum(axis=1) - table.sum(axis=0))[: k - 1]
    s = -(table + table.T)
    np.fill_diagonal(s, table.sum(axis=1) + table.sum(axis=0) - 2 * np.diag(table))
    return d, s[: k - 1, : k - 1]


def marginal_homogeneity(table: ArrayLike, method: str = "stuart_maxwell") -> HomogeneityTest:
    """Stuart-Maxwell or Bhapkar test that the first and second members' category distributions agree.

    Same definitions as ``statsmodels`` ``SquareTable.homogeneity``. Bhapkar's statistic is
    ``W / (1 - W / n)`` of Stuart-Maxwell's ``W``; both are chi-square on k - 1 df. A singular covariance
    (no discordance in some direction) is handled with a pseudo-inverse on its rank.
    """
    tab = np.asarray(table, dtype=float)
    n = float(tab.sum())
    d, s = _marginal_differences(tab)
    rank = int(np.linalg.matrix_rank(s)) if s.size else 0
    if rank == 0 or n == 0:
        return HomogeneityTest(0.0, tab.shape[0] - 1, 1.0, method)
    stat = float(d @ np.linalg.pinv(s) @ d)
    if method == "bhapkar":
        stat = stat / (1 - stat / n) if stat < n else math.inf
    elif method != "stuart_maxwell":
        raise ValueError(f"unknown method {method!r} (stuart_maxwell, bhapkar)")
    return HomogeneityTest(stat, rank, float(chi2.sf(stat, rank)), method)


def marginal_homogeneity_clustered(clusters: Sequence[str], first: Sequence[int], second: Sequence[int],
                                   k: int = 3) -> HomogeneityTest:
    """Clustered Stuart-Maxwell: per task the vector of marginal differences (second minus first, first
    k - 1 categories); statistic ``D' (sum D_c D_c')^-1 D`` with the null covariance, referred to Hotelling's
    small-sample F (K clusters, k - 1 dims). With one pair per task it is close to the unclustered test."""
    rows: dict[str, NDArray[np.float64]] = {}
    for cl, f, s in zip(clusters, first, second, strict=True):
        vec = rows.setdefault(cl, np.zeros(k))
        vec[s] += 1
        vec[f] -= 1
    if not rows:
        return HomogeneityTest(0.0, k - 1, 1.0, "stuart_maxwell_clustered")
    dmat = np.array([rows[c][: k - 1] for c in sorted(rows)])
    total = dmat.sum(axis=0)
    cov = dmat.T @ dmat
    rank = int(np.linalg.matrix_rank(cov))
    n_cl = dmat.shape[0]
    if rank == 0:
        return HomogeneityTest(0.0, k - 1, 1.0, "stuart_maxwell_clustered")
    stat = float(total @ np.linalg.pinv(cov) @ total)
    # uncentred form: stat = K q / (1 + q) with q = m' S^-1 m (S the centred covariance of the cluster
    # vectors, Sherman-Morrison), so Hotelling's T^2 = (K - 1) q, then the usual F transform
    if n_cl <= rank:
        return HomogeneityTest(stat, rank, 1.0, "stuart_maxwell_clustered")
    frac = min(stat / n_cl, 1 - 1e-12)
    t2 = (n_cl - 1) * frac / (1 - frac)
    fstat = t2 * (n_cl - rank) / (rank * (n_cl - 1))
    return HomogeneityTest(stat, rank, float(f_dist.sf(fstat, rank, n_cl - rank)), "stuart_maxwell_clustered")
