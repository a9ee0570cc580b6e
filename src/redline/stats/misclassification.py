"""Rates and paired contrasts corrected for the judge's own error, with intervals that carry that error.

A judge with sensitivity ``se`` and specificity ``sp`` reports a positive share ``q = se*p + (1-sp)*(1-p)`` for a
true share ``p``; inverting gives the Rogan-Gladen estimate ``p = (q + sp - 1) / (se + sp - 1)``. ``se`` and ``sp``
are themselves measured (on a calibration set: exploit-verified trials of the run, else the shipped evaluation),
so the interval bootstraps both sources of noise at once: the study's items resampled by task cluster, and the
calibration items resampled within each gold class. With one judge for both conditions (non-differential error)
a paired contrast corrects to ``(q_a - q_b) / (se + sp - 1)``: error only shrinks a true contrast, it cannot make
one. :func:`explainable_contrast` bounds what *differential* error (the judge erring more in one condition, within
what its calibration allows) could produce with no true difference at all.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np

MIN_YOUDEN = 0.05  # se + sp - 1 below this: the judge is near chance and no correction is meaningful


@dataclass(frozen=True)
class Calibration:
    """The judge's verdicts on items whose truth is known: ``gold[i]`` true positive?, ``judged[i]`` flagged?"""

    gold: tuple[bool, ...]
    judged: tuple[bool, ...]

    def __post_init__(self) -> None:
        if len(self.gold) != len(self.judged):
            raise ValueError("gold and judged differ in length")
        if not any(self.gold) or all(self.gold):
            raise ValueError("calibration needs both positive and negative gold items")

    @classmethod
    def from_counts(cls, tp: int, fn: int, tn: int, fp: int) -> Calibration:
        gold = (True,) * (tp + fn) + (False,) * (tn + fp)
        judged = (True,) * tp + (False,) * fn + (False,) * tn + (True,) * fp
        return cls(gold, judged)

    @property
    def sensitivity(self) -> float:
        pos = [j for g, j in zip(self.gold, self.judged, strict=True) if g]
        return sum(pos) / len(pos)

    @property
    def specificity(self) -> float:
        neg = [j for g, j in zip(self.gold, self.judged, strict=True) if not g]
        return 1 - sum(neg) / len(neg)


@dataclass(frozen=True)
class Corrected:
    """A judged figure, its corrected value and the corrected value's interval (None when not identifiable)."""

    judged: float
    corrected: float | None
    low: float | None
    high: float | None
    sensitivity: float
    specificity: float
    level: float
    n_boot: int


def rogan_gladen(q: float, se: float, sp: float, *, clip: bool = True) -> float | None:
    """True share from a judged share; None when the judge is near chance (se + sp - 1 < MIN_YOUDEN)."""
    youden = se + sp - 1
    if youden < MIN_YOUDEN:
        return None
    p = (q + sp - 1) / youden
    return min(1.0, max(0.0, p)) if clip else p


def corrected_difference(q_a: float, q_b: float, se: float, sp: float) -> float | None:
    """True difference of two shares judged by the same judge (non-differential error)."""
    youden = se + sp - 1
    return None if youden < MIN_YOUDEN else (q_a - q_b) / youden


def _cluster_index(clusters: Sequence[Hashable] | None, n: int) -> list[np.ndarray]:
    if clusters is None:
        return [np.array([i]) for i in range(n)]
    if len(clusters) != n:
        raise ValueError("clusters must match the items")
    groups: dict[Hashable, list[int]] = {}
    for i, c in enumerate(clusters):
        groups.setdefault(c, []).append(i)
    return [np.array(v) for v in groups.values()]


def _boot_se_sp(cal: Calibration, rng: np.random.Generator, n_boot: int) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap draws of (se, sp): calibration items resampled within each gold class."""
    gold = np.array(cal.gold)
    judged = np.array(cal.judged, dtype=float)
    pos, neg = judged[gold], judged[~gold]
    se = rng.choice(pos, size=(n_boot, pos.size), replace=True).mean(axis=1)
    sp = 1 - rng.choice(neg, size=(n_boot, neg.size), replace=True).mean(axis=1)
    return se, sp


def _boot_means(values: np.ndarray, groups: list[np.ndarray], rng: np.random.Generator, n_boot: int) -> np.ndarray:
    """Bootstrap draws of the column means of ``values`` (items x k), resampling whole clusters."""
    sums = np.array([values[g].sum(axis=0) for g in groups])  # clusters x k
    sizes = np.array([len(g) for g in groups], dtype=float)
    pick = rng.integers(0, len(groups), size=(n_boot, len(groups)))
    total = sums[pick].sum(axis=1)  # n_boot x k
    count = sizes[pick].sum(axis=1)[:, None]
    out: np.ndarray = total / count
    return out


def _interval(draws: np.ndarray, level: float) -> tuple[float | None, float | None]:
    draws = draws[np.isfinite(draws)]
    if draws.size == 0:
        return None, None
    alpha = (1 - level) / 2
    return float(np.quantile(draws, alpha)), float(np.quantile(draws, 1 - alpha))


def corrected_rate(flags: Sequence[bool], calibration: Calibration, *, clusters: Sequence[Hashable] | None = None,
                   n_boot: int = 2000, level: float = 0.95, seed: int = 0) -> Corrected:
    """The judged positive share of ``flags``, corrected; percentile interval over both bootstraps."""
    if not flags:
        raise ValueError("no items")
    values = np.array(flags, dtype=float)[:, None]
    q = float(values.mean())
    se, sp = calibration.sensitivity, calibration.specificity
    rng = np.random.default_rng(seed)
    q_b = _boot_means(values, _cluster_index(clusters, len(flags)), rng, n_boot)[:, 0]
    se_b, sp_b = _boot_se_sp(calibration, rng, n_boot)
    youden = se_b + sp_b - 1
    with np.errstate(divide="ignore", invalid="ignore"):
        p_b = np.where(youden >= MIN_YOUDEN, np.clip((q_b + sp_b - 1) / youden, 0, 1), np.nan)
    low, high = _interval(p_b, level)
    return Corrected(q, rogan_gladen(q, se, sp), low, high, se, sp, level, n_boot)


def corrected_contrast(pairs: Sequence[tuple[bool, bool]], calibration: Calibration, *,
                       clusters: Sequence[Hashable] | None = None, n_boot: int = 2000, level: float = 0.95,
                       seed: int = 0) -> Corrected:
    """Paired contrast (condition a minus b, one pair per task or trial), corrected for one shared judge."""
    if not pairs:
        raise ValueError("no pairs")
    values = np.array(pairs, dtype=float)
    q_a, q_b = float(values[:, 0].mean()), float(values[:, 1].mean())
    se, sp = calibration.sensitivity, calibration.specificity
    rng = np.random.default_rng(seed)
    means = _boot_means(values, _cluster_index(clusters, len(pairs)), rng, n_boot)
    se_b, sp_b = _boot_se_sp(calibration, rng, n_boot)
    youden = se_b + sp_b - 1
    with np.errstate(divide="ignore", invalid="ignore"):
        d_b = np.where(youden >= MIN_YOUDEN, (means[:, 0] - means[:, 1]) / youden, np.nan)
    low, high = _interval(d_b, level)
    return Corrected(q_a - q_b, corrected_difference(q_a, q_b, se, sp), low, high, se, sp, level, n_boot)


def wilson(k: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Explainable:
    observed: float  # judged contrast, a minus b
    spurious_max: float  # largest |judged contrast| differential error could produce with no true contrast
    share: float | None  # spurious_max / |observed|, capped at 1; None when observed is 0

    @property
    def explained(self) -> bool:
        return self.share is not None and self.share >= 1.0


def explainable_contrast(q_a: float, q_b: float, calibration: Calibration, *, z: float = 1.959964) -> Explainable:
    """How much of a judged contrast differential judge error could explain.

    With no true contrast (the same true share ``p`` in both conditions) but the judge's sensitivity and
    specificity free to differ between conditions within their Wilson intervals from the calibration, the judged
    contrast is ``p*(se_a - se_b) + (1-p)*(sp_b - sp_a)``; its largest size over ``p`` in [0, 1] is
    ``max(se_hi - se_lo, sp_hi - sp_lo)`` (the expression is linear in ``p``).
    """
    gold = calibration.gold
    judged = calibration.judged
    tp = sum(g and j for g, j in zip(gold, judged, strict=True))
    pos = sum(gold)
    tn = sum((not g) and (not j) for g, j in zip(gold, judged, strict=True))
    neg = len(gold) - pos
    se_lo, se_hi = wilson(tp, pos, z)
    sp_lo, sp_hi = wilson(tn, neg, z)
    spurious = max(se_hi - se_lo, sp_hi - sp_lo)
    observed = q_a - q_b
    share = None if observed == 0 else min(1.0, spurious / abs(observed))
    return Explainable(observed, spurious, share)
