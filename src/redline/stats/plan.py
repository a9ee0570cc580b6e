"""How many generations an audit needs to detect a given effect: paired (exact McNemar) and unpaired.

Each of ``conditions`` triggers is compared with one shared baseline, so an audit of N pairs per condition
costs N x (conditions + 1) generations. Across conditions the per-contrast alpha is Bonferroni's
alpha / conditions: the first step of Holm, which rejects at least as often, so these figures are conservative
for the Holm-adjusted tests in reports.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from scipy.stats import binom, norm

EXACT_LIMIT = 20_000


@dataclass(frozen=True)
class Plan:
    baseline: float
    target: float
    conditions: int
    power: float
    alpha: float
    alpha_per_contrast: float
    adjustment: str
    paired_correlation: float
    discordant_probability: float
    pairs_per_condition: int  # paired design, exact McNemar
    paired_power: float  # exact power achieved at that size
    paired_generations: int
    unpaired_per_condition: int  # independent samples, two-proportion z-test
    unpaired_power: float
    unpaired_generations: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def cell_probabilities(p0: float, p1: float, corr: float) -> tuple[float, float, float, float]:
    """(both, baseline only, condition only, neither) for marginal rates p0, p1 and their correlation (phi)."""
    p11 = p0 * p1 + corr * math.sqrt(p0 * (1 - p0) * p1 * (1 - p1))
    lo, hi = max(0.0, p0 + p1 - 1), min(p0, p1)
    if not lo - 1e-12 <= p11 <= hi + 1e-12:
        raise ValueError(f"correlation {corr} is impossible for rates {p0} and {p1}")
    p11 = min(max(p11, lo), hi)
    return p11, p0 - p11, p1 - p11, 1 - p0 - p1 + p11


def correlation_range(p0: float, p1: float) -> tuple[float, float]:
    """The correlations two binary outcomes with these rates can have."""
    sd = math.sqrt(p0 * (1 - p0) * p1 * (1 - p1))
    return (max(0.0, p0 + p1 - 1) - p0 * p1) / sd, (min(p0, p1) - p0 * p1) / sd


def reject_given_discordant(m_max: int, pi: float, alpha: float) -> np.ndarray:
    """P(the exact McNemar test rejects | m discordant pairs) for m = 0..m_max, when each discordant pair
    is "condition only" with probability ``pi``."""
    m = np.arange(m_max + 1)
    # largest k with 2 * P(Bin(m, 1/2) <= k) <= alpha, or -1
    k = binom.ppf(alpha / 2, m, 0.5)
    k = np.where(binom.cdf(k, m, 0.5) * 2 > alpha * (1 + 1e-9), k - 1, k)
    reject = binom.cdf(k, m, pi) + binom.sf(m - k - 1, m, pi)
    out: np.ndarray = np.where(k >= 0, reject, 0.0)
    return out


def mcnemar_exact_power(n: int, p10: float, p01: float, alpha: float, reject: np.ndarray | None = None) -> float:
    """Exact power of the two-sided exact McNemar test with ``n`` pairs (summing over discordant counts)."""
    psi = p10 + p01
    if n <= 0 or psi <= 0:
        return 0.0
    if reject is None or reject.size <= n:
        reject = reject_given_discordant(n, p01 / psi, alpha)
    return float(binom.pmf(np.arange(n + 1), n, psi) @ reject[: n + 1])


def connor_pairs(p10: float, p01: float, alpha: float, power: float) -> int:
    """Normal-approximation pairs for McNemar's test (Connor 1987): the starting point of the exact search."""
    psi, delta = p10 + p01, p01 - p10
    za, zb = norm.ppf(1 - alpha / 2), norm.ppf(power)
    return max(1, int(math.ceil((za * math.sqrt(psi) + zb * math.sqrt(max(psi - delta ** 2, 0.0))) ** 2 / delta ** 2)))


def connor_power(n: int, p10: float, p01: float, alpha: float) -> float:
    """Normal-approximation power of McNemar's test with ``n`` pairs (Connor 1987)."""
    psi, delta = p10 + p01, abs(p01 - p10)
    if n <= 0 or psi <= 0:
        return 0.0
    za = norm.ppf(1 - alpha / 2)
    sd = math.sqrt(max(psi - delta ** 2, 1e-15))
    return float(norm.cdf((delta * math.sqrt(n) - za * math.sqrt(psi)) / sd))


def paired_pairs(p0: float, p1: float, *, alpha: float, power: float, corr: float = 0.0,
                 exact_limit: int = EXACT_LIMIT) -> tuple[int, float]:
    """Smallest number of pairs whose exact McNemar power reaches ``power``, and that power.

    Beyond ``exact_limit`` pairs the exact search is slow and the normal approximation is accurate, so the
    Connor (1987) figure is returned with its approximate power.
    """
    _, p10, p01, _ = cell_probabilities(p0, p1, corr)
    start = connor_pairs(p10, p01, alpha, power)
    if start > exact_limit:
        return start, connor_power(start, p10, p01, alpha)
    psi = p10 + p01
    limit = 3 * start + 100
    reject = reject_given_discordant(limit, p01 / psi, alpha)
    for n in range(max(1, int(start * 0.8)), limit + 1):
        achieved = mcnemar_exact_power(n, p10, p01, alpha, reject)
        if achieved >= power:
            return n, achieved
    return start, connor_power(start, p10, p01, alpha)  # not reached in practice: exact needs < 3x Connor


def two_proportion_power(n: int, p0: float, p1: float, alpha: float) -> float:
    """Power of the two-sided pooled z-test with ``n`` per group (normal approximation, both tails)."""
    pbar = (p0 + p1) / 2
    za = norm.ppf(1 - alpha / 2)
    sd_null, sd_alt = math.sqrt(2 * pbar * (1 - pbar) / n), math.sqrt((p0 * (1 - p0) + p1 * (1 - p1)) / n)
    delta = abs(p1 - p0)
    return float(norm.cdf((delta - za * sd_null) / sd_alt) + norm.cdf((-delta - za * sd_null) / sd_alt))


def unpaired_per_group(p0: float, p1: float, *, alpha: float, power: float) -> tuple[int, float]:
    """Per-group size for the pooled two-proportion z-test (Fleiss, Levin & Paik 2003, without correction)."""
    pbar = (p0 + p1) / 2
    za, zb = norm.ppf(1 - alpha / 2), norm.ppf(power)
    n = math.ceil((za * math.sqrt(2 * pbar * (1 - pbar)) + zb * math.sqrt(p0 * (1 - p0) + p1 * (1 - p1))) ** 2
                  / (p1 - p0) ** 2)
    while two_proportion_power(n, p0, p1, alpha) < power:
        n += 1
    return n, two_proportion_power(n, p0, p1, alpha)


def plan_sample_size(baseline: float, target: float, *, conditions: int = 1, power: float = 0.8,
                     alpha: float = 0.05, paired_correlation: float = 0.0) -> Plan:
    """Generations needed to detect ``baseline`` -> ``target`` in each of ``conditions`` contrasts."""
    for name, value in (("baseline", baseline), ("target", target)):
        if not 0 < value < 1:
            raise ValueError(f"{name} must be a rate between 0 and 1 (exclusive), got {value}")
    if baseline == target:
        raise ValueError("target must differ from baseline")
    if not 0 < power < 1 or not 0 < alpha < 1:
        raise ValueError("power and alpha must be between 0 and 1")
    if conditions < 1:
        raise ValueError("conditions must be at least 1")
    lo, hi = correlation_range(baseline, target)
    if not lo - 1e-9 <= paired_correlation <= hi + 1e-9:
        raise ValueError(f"paired correlation must be between {lo:.3f} and {hi:.3f} for these rates")
    a = alpha / conditions
    n_pairs, paired_power = paired_pairs(baseline, target, alpha=a, power=power, corr=paired_correlation)
    _, p10, p01, _ = cell_probabilities(baseline, target, paired_correlation)
    n_unpaired, unpaired_power = unpaired_per_group(baseline, target, alpha=a, power=power)
    return Plan(baseline=baseline, target=target, conditions=conditions, power=power, alpha=alpha,
                alpha_per_contrast=a, adjustment="bonferroni (first step of holm)" if conditions > 1 else "none",
                paired_correlation=paired_correlation, discordant_probability=p10 + p01,
                pairs_per_condition=n_pairs, paired_power=paired_power,
                paired_generations=n_pairs * (conditions + 1), unpaired_per_condition=n_unpaired,
                unpaired_power=unpaired_power, unpaired_generations=n_unpaired * (conditions + 1))


def detectable_difference(baseline: float, pairs: int, *, alpha: float, power: float = 0.8,
                          corr: float = 0.0) -> float | None:
    """Smallest increase over ``baseline`` that ``pairs`` pairs detect with ``power`` (normal approximation)."""
    if pairs < 1 or not 0 < baseline < 1:
        return None
    lo, hi = 1e-4, 1 - baseline - 1e-6
    if hi <= lo:
        return None

    def ok(delta: float) -> bool:
        p1 = baseline + delta
        c_lo, c_hi = correlation_range(baseline, p1)
        _, p10, p01, _ = cell_probabilities(baseline, p1, min(max(corr, c_lo), c_hi))
        return connor_pairs(p10, p01, alpha, power) <= pairs

    if not ok(hi):
        return None
    for _ in range(50):
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if ok(mid) else (mid, hi)
    return hi
