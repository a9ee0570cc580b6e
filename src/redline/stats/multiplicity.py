"""Adjusting p-values for many contrasts: Holm for confirmatory families, Benjamini-Hochberg otherwise.

Holm (1979) controls the family-wise error rate (the chance of any false claim) and is never less powerful
than Bonferroni. Benjamini-Hochberg (1995) controls the false discovery rate, suited to exploratory screens.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def holm(pvalues: Sequence[float]) -> list[float]:
    """Holm step-down adjusted p-values, in the input order."""
    p = np.asarray(pvalues, dtype=float)
    m = p.size
    if m == 0:
        return []
    order = np.argsort(p, kind="stable")
    scaled = (m - np.arange(m)) * p[order]
    adjusted_sorted = np.minimum(1.0, np.maximum.accumulate(scaled))
    out = np.empty(m)
    out[order] = adjusted_sorted
    return [float(x) for x in out]


def benjamini_hochberg(pvalues: Sequence[float]) -> list[float]:
    """Benjamini-Hochberg step-up adjusted p-values (q-values), in the input order."""
    p = np.asarray(pvalues, dtype=float)
    m = p.size
    if m == 0:
        return []
    order = np.argsort(p, kind="stable")
    scaled = p[order] * m / np.arange(1, m + 1)
    adjusted_sorted = np.minimum(1.0, np.minimum.accumulate(scaled[::-1])[::-1])
    out = np.empty(m)
    out[order] = adjusted_sorted
    return [float(x) for x in out]


def adjust(pvalues: Sequence[float | None], method: str) -> list[float | None]:
    """Adjust the non-missing p-values of a family; missing ones (no data) stay missing."""
    idx = [i for i, p in enumerate(pvalues) if p is not None]
    present = [float(pvalues[i]) for i in idx]  # type: ignore[arg-type]
    if method == "holm":
        adj = holm(present)
    elif method == "bh":
        adj = benjamini_hochberg(present)
    else:
        raise ValueError(f"unknown adjustment {method!r}")
    out: list[float | None] = [None] * len(pvalues)
    for i, a in zip(idx, adj, strict=True):
        out[i] = a
    return out
