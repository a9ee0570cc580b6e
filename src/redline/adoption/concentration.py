"""Market concentration over developers: shares, Herfindahl-Hirschman index, Gini coefficient, top-k share.

HHI is the sum of squared shares (0..1; multiply by 10,000 for the antitrust "points" convention, where above
2,500 is "highly concentrated"). Gini measures inequality of download totals across the developers present in
the data (0: all equal; towards 1: one takes everything). Both depend on who is in the sample: a top-1000
listing leaves out the long tail, so compare figures computed on the same kind of snapshot.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def totals(pairs: Iterable[tuple[str, float]]) -> dict[str, float]:
    """Sum values per key."""
    out: dict[str, float] = {}
    for key, value in pairs:
        out[key] = out.get(key, 0.0) + value
    return out


def shares(values: Mapping[str, float]) -> dict[str, float]:
    """Fractions of the total, largest first (ties by key); empty when the total is zero."""
    total = sum(values.values())
    if total <= 0:
        return {}
    ordered = sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))
    return {k: v / total for k, v in ordered if v > 0}


def hhi(share_values: Iterable[float]) -> float:
    """Herfindahl-Hirschman index: sum of squared shares."""
    return float(sum(s * s for s in share_values))


def gini(values: Iterable[float]) -> float:
    """Gini coefficient of non-negative values (mean absolute difference over twice the mean)."""
    xs = sorted(v for v in values if v > 0)
    n, total = len(xs), sum(xs)
    if n == 0 or total <= 0:
        return 0.0
    weighted = sum(i * x for i, x in enumerate(xs, start=1))
    return max(0.0, float(2.0 * weighted / (n * total) - (n + 1) / n))  # rounding can dip below 0 for equal values


def top_k_share(share_values: Iterable[float], k: int) -> float:
    """Combined share of the k largest."""
    if k < 1:
        raise ValueError("k must be at least 1")
    return float(sum(sorted(share_values, reverse=True)[:k]))
