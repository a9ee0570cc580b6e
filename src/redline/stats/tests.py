"""Hypothesis tests for paired binary outcomes.

Only discordant pairs carry information about a paired difference: McNemar's test asks whether they split
evenly between "event only with the trigger" and "event only without it".
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.stats import binom, chi2


def mcnemar_exact_many(b: ArrayLike, c: ArrayLike) -> NDArray[np.float64]:
    """Two-sided exact McNemar p-values, vectorised: the binomial test of ``c`` of ``b + c`` against 1/2.

    Same definition as ``statsmodels`` ``mcnemar(exact=True)``: ``min(1, 2 * P(X <= min(b, c)))``; 1 when
    there are no discordant pairs.
    """
    b_arr, c_arr = np.asarray(b), np.asarray(c)
    p = np.minimum(1.0, 2.0 * binom.cdf(np.minimum(b_arr, c_arr), b_arr + c_arr, 0.5))
    out: NDArray[np.float64] = np.where(b_arr + c_arr == 0, 1.0, p)
    return out


def mcnemar_exact(b: int, c: int) -> float:
    """Two-sided exact McNemar p-value for ``b`` and ``c`` discordant pairs."""
    return float(mcnemar_exact_many(b, c))


def mcnemar_clustered(b_by_cluster: Sequence[int], c_by_cluster: Sequence[int]) -> float:
    """McNemar's test adjusted for clustered pairs (Durkalski et al. 2003).

    Replicates of one task are correlated, so treating them as independent pairs understates the variance.
    The statistic ``(sum(c_k - b_k))^2 / sum((c_k - b_k)^2)`` is chi-square with 1 degree of freedom under
    the null; with one pair per cluster it is the uncorrected McNemar chi-square.
    """
    diff = np.asarray(c_by_cluster, dtype=float) - np.asarray(b_by_cluster, dtype=float)
    denom = float(np.sum(diff ** 2))
    if denom == 0.0:
        return 1.0
    stat = float(np.sum(diff)) ** 2 / denom
    return float(chi2.sf(stat, 1))
