"""Sequential reporting: group-sequential boundaries, repeated confidence intervals, the per-task-sums rule.

After an early stop, fixed-sample p-values and intervals are too optimistic (the run stopped *because* the
estimate looked large). Jennison & Turnbull's (1989) repeated confidence intervals (RCIs) fix this: at look k
the interval uses the look's boundary value ``c_k`` instead of ``z_{1-alpha/2}``, so all intervals up to any
stopping time cover the truth together with probability >= 1 - alpha. The boundaries here are the normal
Lan-DeMets ones (``spent_alpha`` from ``stats.sequential``), computed by numerical integration of the
Brownian-motion crossing probabilities (Armitage, McPherson & Rowe 1969).

With replicates, the rule runs on per-task sums: the clustered McNemar score statistic
``Z = sum d_k / sqrt(sum d_k^2)`` over the tasks complete at each look, at information fraction
``tasks / max_tasks`` (looks must be scheduled by task counts, never by outcomes). A contrast is decided
``effect`` when ``|Z| >= c_k``, or ``below_margin`` when its RCI lies within (-margin, margin): the effect is
smaller than the margin, which is all it means (non-binding futility, so it cannot raise the type-I error).
Looks with fewer than ``min_clusters`` tasks spend their alpha but can never reject.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from scipy.optimize import brentq
from scipy.special import ndtr, ndtri

from redline.stats.clustered import MIN_CLUSTERS, ClusterSums
from redline.stats.intervals import Interval, newcombe_paired
from redline.stats.sequential import Look, spent_alpha

GRID = 801


def normal_boundaries(fractions: Sequence[float], alpha: float, kind: str = "obrien-fleming") -> list[float]:
    """Two-sided z boundaries c_k for looks at increasing information ``fractions`` (last may be < 1) that
    spend ``spent_alpha(t_k)`` cumulatively. A look that may spend nothing gets ``inf``."""
    out: list[float] = []
    spent = 0.0
    t_prev = 0.0
    grid: np.ndarray | None = None  # values of the score process S = Z sqrt(t) still running
    dens: np.ndarray | None = None
    for t in fractions:
        if not t_prev < t <= 1 + 1e-12:
            raise ValueError("information fractions must increase and be at most 1")
        budget = spent_alpha(t, alpha, kind) - spent
        dt = t - t_prev
        if budget <= 1e-15:
            c = math.inf
        else:
            c = float(brentq(_excess, 1e-6, 40.0, args=(t, dt, grid, dens, budget), xtol=1e-10))
            spent += _excess(c, t, dt, grid, dens, 0.0)
        out.append(c)
        # density of S on the continuation region at this look
        lim = (c if math.isfinite(c) else 12.0) * math.sqrt(t)
        new_grid = np.linspace(-lim, lim, GRID)
        if grid is None or dens is None:
            new_dens = np.exp(-new_grid ** 2 / (2 * t)) / math.sqrt(2 * math.pi * t)
        else:
            kern = np.exp(-(new_grid[:, None] - grid[None, :]) ** 2 / (2 * dt)) / math.sqrt(2 * math.pi * dt)
            new_dens = kern @ (_weights(grid) * dens)
        grid, dens, t_prev = new_grid, new_dens, t
    return out


def _excess(c: float, t: float, dt: float, grid: np.ndarray | None, dens: np.ndarray | None,
            budget: float) -> float:
    """P(first crossing of +-c at fraction t) minus ``budget``; the first look has no earlier density."""
    if grid is None or dens is None:
        return float(2 * ndtr(-c)) - budget
    hi = c * math.sqrt(t)
    up = ndtr((grid - hi) / math.sqrt(dt))
    down = ndtr((-hi - grid) / math.sqrt(dt))
    return float(np.sum(_weights(grid) * dens * (up + down))) - budget


def _weights(grid: np.ndarray) -> np.ndarray:
    """Trapezoid weights on an evenly spaced grid."""
    h = grid[1] - grid[0]
    w = np.full(grid.size, h)
    w[0] = w[-1] = h / 2
    return w


def nominal_levels(boundaries: Sequence[float]) -> list[float]:
    """The two-sided fixed-sample level each boundary corresponds to: the RCI level at that look."""
    return [float(2 * ndtr(-c)) if math.isfinite(c) else 0.0 for c in boundaries]


def repeated_intervals_paired(looks: Sequence[Look], *, max_pairs: int, alpha: float,
                              kind: str = "obrien-fleming") -> list[Interval]:
    """RCIs for the paired difference at each look of the (unclustered) exact-McNemar design of
    ``stats.sequential``: Newcombe's interval at the nominal level of each look's normal boundary."""
    fractions = _fractions([lk.pairs for lk in looks], max_pairs)
    out = []
    for look, level in zip(looks, nominal_levels(normal_boundaries(fractions, alpha, kind)), strict=True):
        if level <= 0 or look.pairs == 0:
            out.append(Interval(-1.0, 1.0))
            continue
        d = look.pairs - look.a - look.b - look.c
        out.append(newcombe_paired(look.a, look.b, look.c, d, min(level, 0.999)))
    return out


def _fractions(counts: Sequence[int], maximum: int) -> list[float]:
    """Information fractions; repeated counts (no news) are nudged so they still increase."""
    out, prev = [], 0.0
    for n in counts:
        t = min(1.0, max(n / maximum, prev + 1e-9))
        out.append(t)
        prev = t
    return out


@dataclass(frozen=True)
class ClusterLook:
    """Cumulative per-task sums at one look: tasks complete, pairs, sum d, sum d^2, sum d n, sum n^2."""

    tasks: int
    pairs: int
    sum_d: float
    sum_d2: float
    sum_dn: float
    sum_n2: float

    @classmethod
    def of(cls, sums: ClusterSums) -> ClusterLook:
        d, n = sums.d, sums.n
        return cls(sums.k, int(n.sum()), float(d.sum()), float((d ** 2).sum()), float((d * n).sum()),
                   float((n ** 2).sum()))

    @property
    def z(self) -> float:
        return self.sum_d / math.sqrt(self.sum_d2) if self.sum_d2 > 0 else 0.0

    @property
    def estimate(self) -> float:
        return self.sum_d / self.pairs if self.pairs else math.nan

    @property
    def se(self) -> float:
        """Cluster-robust standard error of ``estimate`` (Obuchowski's ratio variance, K / (K - 1))."""
        k = self.tasks
        if k < 2 or not self.pairs:
            return math.inf
        e = self.estimate
        ss = self.sum_d2 - 2 * e * self.sum_dn + e * e * self.sum_n2
        return math.sqrt(max(0.0, k / (k - 1) * ss)) / self.pairs


@dataclass(frozen=True)
class SequentialDecision:
    contrast: str
    status: str  # effect / below_margin / continue / inconclusive
    margin: float  # what below_margin means: |effect| < margin, by the repeated interval
    look: int
    z: float
    boundary: float
    estimate: float
    rci: Interval  # adjusted for the stopping rule: lead with this
    naive_ci: Interval  # fixed-sample interval at alpha: shown only as such
    alpha: float
    reliable: bool


def decide_clustered(contrast: str, looks: Sequence[ClusterLook], *, max_tasks: int, alpha: float,
                     margin: float = 0.05, kind: str = "obrien-fleming", final: bool = False,
                     min_clusters: int = MIN_CLUSTERS) -> SequentialDecision:
    """Status of one contrast after its latest look (per-task-sums rule). Contrasts decide independently."""
    if not looks:
        raise ValueError("no looks")
    fractions = _fractions([lk.tasks for lk in looks], max_tasks)
    if final:
        fractions[-1] = 1.0
    bounds = normal_boundaries(fractions, alpha, kind)
    z_fixed = float(ndtri(1 - alpha / 2))
    for i, (look, c) in enumerate(zip(looks, bounds, strict=True)):
        if look.tasks >= min_clusters and abs(look.z) >= c:
            return _decision(contrast, "effect", margin, i, look, c, z_fixed, alpha, True)
    last, c = looks[-1], bounds[-1]
    status = "inconclusive" if final or last.tasks >= max_tasks else "continue"
    rci = _interval(last, c)
    # below the margin only with enough tasks for the interval to mean something (a robust variance of 0 from
    # a handful of tasks without discordance is not certainty)
    if status == "continue" and last.tasks >= min_clusters and -margin < rci.low and rci.high < margin:
        status = "below_margin"
    return _decision(contrast, status, margin, len(looks) - 1, last, c, z_fixed, alpha, last.tasks >= min_clusters)


def _interval(look: ClusterLook, c: float) -> Interval:
    if not math.isfinite(c) or not math.isfinite(look.se):
        return Interval(-1.0, 1.0)
    return Interval(max(-1.0, look.estimate - c * look.se), min(1.0, look.estimate + c * look.se))


def _decision(contrast: str, status: str, margin: float, i: int, look: ClusterLook, c: float, z_fixed: float,
              alpha: float, reliable: bool) -> SequentialDecision:
    return SequentialDecision(contrast=contrast, status=status, margin=margin, look=i, z=look.z, boundary=c,
                              estimate=look.estimate, rci=_interval(look, c), naive_ci=_interval(look, z_fixed),
                              alpha=alpha, reliable=reliable)


def rejects_many(z: np.ndarray, tasks_at: Sequence[int], *, max_tasks: int, alpha: float,
                 kind: str = "obrien-fleming", min_clusters: int = MIN_CLUSTERS) -> np.ndarray:
    """Vectorised: ``z`` is (sims, looks) of score statistics at looks after ``tasks_at`` tasks; True where
    the rule rejects at some look (for simulations)."""
    bounds = np.array(normal_boundaries(_fractions(list(tasks_at), max_tasks), alpha, kind))
    usable = np.array([t >= min_clusters for t in tasks_at])
    out: np.ndarray = np.any((np.abs(z) >= bounds[None, :]) & usable[None, :], axis=1)
    return out


@dataclass
class ClusteredHistory:
    """What the monitor remembers between rounds for the per-task-sums rule; JSON via ``to_dict``/``from_dict``.

    Each contrast gets ``alpha / len(contrasts)`` (fixed at the first look) and is decided on its own; the run
    may stop when every contrast is decided. Rounds must add whole tasks (all replicates and both arms, and for
    questions every language version), so a task's sum never changes after it is counted.
    """

    alpha: float
    max_tasks: int
    margin: float = 0.05
    spending: str = "obrien-fleming"
    contrasts: list[str] = field(default_factory=list)
    looks: dict[str, list[ClusterLook]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"alpha": self.alpha, "max_tasks": self.max_tasks, "margin": self.margin, "spending": self.spending,
                "contrasts": list(self.contrasts),
                "looks": {k: [asdict(lk) for lk in v] for k, v in self.looks.items()}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClusteredHistory:
        return cls(alpha=float(data["alpha"]), max_tasks=int(data["max_tasks"]),
                   margin=float(data.get("margin", 0.05)), spending=str(data.get("spending", "obrien-fleming")),
                   contrasts=list(data.get("contrasts", [])),
                   looks={k: [ClusterLook(**x) for x in v] for k, v in data.get("looks", {}).items()})

    def decide(self, current: dict[str, ClusterLook], *, final: bool = False) -> list[SequentialDecision]:
        """Add this round's cumulative per-task sums and decide every contrast (a missing one keeps its last)."""
        if not self.contrasts:
            self.contrasts = sorted(current)
        k = max(1, len(self.contrasts))
        out = []
        for name in self.contrasts:
            previous = self.looks.setdefault(name, [])
            look = current.get(name, previous[-1] if previous else ClusterLook(0, 0, 0.0, 0.0, 0.0, 0.0))
            previous.append(look)
            seen = [lk for lk in previous if lk.tasks > 0]
            if not seen:
                out.append(_decision(name, "continue", self.margin, len(previous) - 1, look, math.inf,
                                     float(ndtri(1 - self.alpha / k / 2)), self.alpha / k, False))
                continue
            out.append(decide_clustered(name, seen, max_tasks=self.max_tasks, alpha=self.alpha / k,
                                        margin=self.margin, kind=self.spending, final=final))
        return out
