"""Confidence intervals for proportions, their differences and their ratios.

Score-based intervals (Wilson, Newcombe, MOVER) keep their coverage near the nominal level for the small
counts and rates near 0 or 1 that audits produce, where Wald intervals fail.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from scipy.stats import norm


@dataclass(frozen=True)
class Interval:
    """A two-sided interval; ``high`` may be ``inf`` for ratios."""

    low: float
    high: float

    def as_list(self) -> list[float | None]:
        return [finite_or_none(self.low), finite_or_none(self.high)]

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high


def finite_or_none(value: float | None) -> float | None:
    """JSON has no inf/nan: undefined values are written as null."""
    if value is None or not math.isfinite(value):
        return None
    return float(value)


def z_value(alpha: float) -> float:
    """The two-sided critical value z_{1-alpha/2}."""
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must be in (0, 1), got {alpha}")
    return float(norm.ppf(1 - alpha / 2))


def wilson(events: int, n: int, alpha: float = 0.05) -> Interval:
    """Wilson score interval for a proportion (Wilson 1927); (0, 1) when n is 0."""
    if n <= 0:
        return Interval(0.0, 1.0)
    z = z_value(alpha)
    p = events / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return Interval(max(0.0, centre - half), min(1.0, centre + half))


def newcombe_unpaired(x1: int, n1: int, x2: int, n2: int, alpha: float = 0.05) -> Interval:
    """Interval for p1 - p2 from independent samples: Newcombe (1998a) hybrid score, method 10."""
    p1, p2 = x1 / n1 if n1 else 0.0, x2 / n2 if n2 else 0.0
    w1, w2 = wilson(x1, n1, alpha), wilson(x2, n2, alpha)
    d = p1 - p2
    low = d - math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2)
    high = d + math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2)
    return Interval(max(-1.0, low), min(1.0, high))


def paired_phi(a: int, b: int, c: int, d: int) -> float:
    """Newcombe's (1998b) correlation estimate for paired proportions, shrunk towards 0 by N/2 when positive."""
    n = a + b + c + d
    margins = (a + b) * (c + d) * (a + c) * (b + d)
    if margins == 0:
        return 0.0
    cross = a * d - b * c
    if cross > n / 2:
        cross_adj = cross - n / 2
    elif cross >= 0:
        cross_adj = 0.0
    else:
        cross_adj = float(cross)
    return cross_adj / math.sqrt(margins)


def newcombe_paired(a: int, b: int, c: int, d: int, alpha: float = 0.05) -> Interval:
    """Interval for the paired difference p_second - p_first = (c - b) / n (Newcombe 1998b, method 10).

    Cells: ``a`` both events, ``b`` event in the first member only (baseline), ``c`` in the second only
    (condition), ``d`` neither. Wilson intervals for both margins combined with a correlation correction.
    """
    n = a + b + c + d
    if n == 0:
        return Interval(-1.0, 1.0)
    p1, p2 = (a + b) / n, (a + c) / n  # first (baseline), second (condition)
    w1, w2 = wilson(a + b, n, alpha), wilson(a + c, n, alpha)
    phi = paired_phi(a, b, c, d)
    diff = p2 - p1
    # lower limit of p2 - p1 uses p2's lower and p1's upper distance, and the reverse for the upper limit
    dl2, du1 = p2 - w2.low, w1.high - p1
    du2, dl1 = w2.high - p2, p1 - w1.low
    low = diff - math.sqrt(max(0.0, dl2 ** 2 - 2 * phi * dl2 * du1 + du1 ** 2))
    high = diff + math.sqrt(max(0.0, du2 ** 2 - 2 * phi * du2 * dl1 + dl1 ** 2))
    return Interval(max(-1.0, low), min(1.0, high))


def mover_ratio(p1: float, i1: Interval, p2: float, i2: Interval, corr: float = 0.0) -> Interval:
    """MOVER-R interval for p1 / p2 from intervals of each (Donner & Zou 2012), with their correlation."""
    if p2 <= 0:
        return Interval(0.0, math.inf)
    l1, u1, l2, u2 = i1.low, i1.high, i2.low, i2.high
    prod = p1 * p2
    a_low = prod - corr * (p1 - l1) * (u2 - p2)
    den_low = u2 * (2 * p2 - u2)
    # rounding can push a zero discriminant (perfectly correlated members, e.g. tables (k, 0, 0, k)) a few
    # ulps below 0; that is a root at the estimate, not a failure of the method
    disc_low = _clamp_rounding(a_low ** 2 - l1 * (2 * p1 - l1) * u2 * (2 * p2 - u2), a_low ** 2)
    low = (a_low - math.sqrt(disc_low)) / den_low if den_low != 0 and disc_low >= 0 else 0.0
    a_high = prod - corr * (u1 - p1) * (p2 - l2)
    den_high = l2 * (2 * p2 - l2)
    disc_high = _clamp_rounding(a_high ** 2 - u1 * (2 * p1 - u1) * l2 * (2 * p2 - l2), a_high ** 2)
    high = (a_high + math.sqrt(disc_high)) / den_high if den_high > 0 and disc_high >= 0 else math.inf
    if high < 0:
        high = math.inf
    ratio = p1 / p2
    # the limits are roots of quadratics centred on the estimate: whatever rounding does, keep it inside
    return Interval(max(0.0, min(low, ratio)), max(high, ratio))


def _clamp_rounding(disc: float, scale: float) -> float:
    """A discriminant that is negative only by rounding error (relative to ``scale``) is 0."""
    return 0.0 if -1e-9 * max(scale, 1e-300) <= disc < 0 else disc


def risk_ratio_paired(a: int, b: int, c: int, d: int, alpha: float = 0.05) -> tuple[float, Interval]:
    """Paired risk ratio p_second / p_first with the MOVER Wilson score interval (Fagerland et al. 2014)."""
    n = a + b + c + d
    if n == 0 or a + b == 0:
        return math.inf if a + c else math.nan, Interval(0.0, math.inf)
    p1, p2 = (a + b) / n, (a + c) / n
    margins = (a + b) * (c + d) * (a + c) * (b + d)
    corr = (a * d - b * c) / math.sqrt(margins) if margins else 0.0
    return p2 / p1, mover_ratio(p2, wilson(a + c, n, alpha), p1, wilson(a + b, n, alpha), corr)


def risk_ratio_unpaired(x1: int, n1: int, x2: int, n2: int, alpha: float = 0.05) -> tuple[float, Interval]:
    """Risk ratio p1 / p2 of independent samples with the Katz log interval; 0.5 is added to each cell
    when a count is zero (Haldane) so the interval stays defined."""
    if n1 == 0 or n2 == 0:
        return math.nan, Interval(0.0, math.inf)
    ratio = (x1 / n1) / (x2 / n2) if x2 else (math.inf if x1 else math.nan)
    if 0 in (x1, x2, n1 - x1, n2 - x2):
        x1f, x2f, n1f, n2f = x1 + 0.5, x2 + 0.5, n1 + 1.0, n2 + 1.0
    else:
        x1f, x2f, n1f, n2f = float(x1), float(x2), float(n1), float(n2)
    log_rr = math.log((x1f / n1f) / (x2f / n2f))
    se = math.sqrt(1 / x1f - 1 / n1f + 1 / x2f - 1 / n2f)
    z = z_value(alpha)
    return ratio, Interval(math.exp(log_rr - z * se), math.exp(log_rr + z * se))


def mover_difference(d1: float, i1: Interval, d2: float, i2: Interval) -> Interval:
    """Interval for d1 - d2 of two independent estimates from their own intervals (MOVER, Zou & Donner 2008)."""
    diff = d1 - d2
    low = diff - math.sqrt((d1 - i1.low) ** 2 + (i2.high - d2) ** 2)
    high = diff + math.sqrt((i1.high - d1) ** 2 + (d2 - i2.low) ** 2)
    return Interval(low, high)
