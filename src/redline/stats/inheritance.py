"""Does a base model's trigger effect travel to its derivatives? Paired differences of differences, by task.

Input is plain per-pair outcome arrays, one set per model and outcome: for each pair its key (shared by every model
audited with the same suites, conditions and seeds), its task (the cluster), and the binary outcome without and
with the trigger. A model's *effect* is the mean of (triggered - untriggered) over its pairs. A derivative's
*difference* is the mean, over the pairs present in both models (joined by key), of
(derivative's triggered - untriggered) - (base's triggered - untriggered).

Intervals: one cluster bootstrap per outcome. Tasks are resampled with replacement; the **same** draws of tasks are
applied to every model, so the base and the derivative share each resample, as the pairing demands. The interval
is estimate +- t(K-1) * SE, the SE being the bootstrap SD times sqrt(K / (K - 1)) (as in
:mod:`redline.stats.resampling`); the p-value is the matching two-sided t test on K - 1 degrees of freedom (K =
tasks), so p <= alpha exactly when the interval excludes 0. Differences are Holm-adjusted across derivatives.

Classification (``classify``), with s the sign of the base's effect (+1 when it is 0), CI_D the derivative's own
effect interval (1 - alpha) and "differs" meaning the Holm-adjusted p of the difference is <= alpha:

- **amplified**: differs and s * difference > 0 (further from 0 than the base, in the base's direction);
- **attenuated**: differs, s * difference < 0, and CI_D excludes 0 on the base's side (weaker, still present);
- **removed**: differs, s * difference < 0, and CI_D includes 0 or lies on the other side (gone, or reversed);
- **inherited**: does not differ and CI_D excludes 0 on the base's side;
- **inconclusive**: does not differ and CI_D includes 0 (the data cannot tell inherited from removed).

The deciding interval is the difference's (reported with its Holm p) plus CI_D for the split named above.
A model *carries* the behaviour when its own CI excludes 0 on the base's side.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.stats import t as t_dist

from redline.stats.multiplicity import holm

CLASSES: tuple[str, ...] = ("inherited", "attenuated", "removed", "amplified", "inconclusive")
METHOD = "paired cluster bootstrap over tasks (shared draws), t interval and test on K-1 df; Holm across derivatives"

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class PairOutcomes:
    """One model's pairs for one outcome: key, task, outcome without the trigger (0/1) and with it (0/1)."""

    keys: Sequence[str]
    clusters: Sequence[str]
    untriggered: Sequence[int]
    triggered: Sequence[int]

    def __post_init__(self) -> None:
        n = len(self.keys)
        if not (len(self.clusters) == len(self.untriggered) == len(self.triggered) == n):
            raise ValueError("keys, clusters, untriggered and triggered must have one entry per pair")
        if len(set(self.keys)) != n:
            raise ValueError("pair keys must be unique within one model")


@dataclass(frozen=True)
class Estimate:
    estimate: float | None
    ci: tuple[float | None, float | None]
    se: float | None
    p: float | None
    n_pairs: int
    n_tasks: int
    draws: FloatArray = field(repr=False, compare=False, default_factory=lambda: np.zeros(0))

    def as_dict(self) -> dict[str, Any]:
        return {"estimate": self.estimate, "ci": list(self.ci), "se": self.se, "p": self.p,
                "n_pairs": self.n_pairs, "n_tasks": self.n_tasks}


@dataclass(frozen=True)
class DerivativeResult:
    model: str
    relation: str
    effect: Estimate
    difference: Estimate
    p_holm: float | None
    classification: str
    carries: bool
    unmatched_pairs: int  # derivative pairs whose key the base lacks (left out of the difference)
    carries_draws: NDArray[np.bool_] = field(repr=False, compare=False, default_factory=lambda: np.zeros(0, bool))

    def as_dict(self) -> dict[str, Any]:
        return {"model": self.model, "relation": self.relation, "effect": self.effect.as_dict(),
                "difference": self.difference.as_dict(), "p_holm": self.p_holm,
                "classification": self.classification, "carries": self.carries,
                "unmatched_pairs": self.unmatched_pairs}


@dataclass(frozen=True)
class InheritanceResult:
    outcome: str
    alpha: float
    base: str
    base_effect: Estimate
    base_carries: bool
    base_carries_draws: NDArray[np.bool_] = field(repr=False, compare=False)
    derivatives: tuple[DerivativeResult, ...]
    pooled: dict[str, dict[str, Any]]
    method: str = METHOD

    def as_dict(self) -> dict[str, Any]:
        return {"outcome": self.outcome, "alpha": self.alpha, "method": self.method, "base": self.base,
                "base_effect": self.base_effect.as_dict(), "base_carries": self.base_carries,
                "derivatives": [d.as_dict() for d in self.derivatives], "pooled": self.pooled}


def classify(base_effect: float, difference: float, differs: bool, effect_ci: tuple[float, float]) -> str:
    """The rule of the module docstring; ``effect_ci`` is the derivative's own effect interval."""
    s = 1.0 if base_effect >= 0 else -1.0
    present = s * effect_ci[0] > 0 if s > 0 else s * effect_ci[1] > 0
    if differs:
        if s * difference > 0:
            return "amplified"
        return "attenuated" if present else "removed"
    return "inherited" if present else "inconclusive"


class _Bootstrap:
    """Shared task draws: one weight matrix (reps x tasks) applied to every per-task sum."""

    def __init__(self, tasks: Sequence[str], reps: int, seed: int) -> None:
        self.index = {t: i for i, t in enumerate(tasks)}
        k = len(tasks)
        rng = np.random.default_rng(seed)
        self.weights = rng.multinomial(k, np.full(k, 1.0 / k), size=reps).astype(float) if k else np.zeros((reps, 0))

    def estimate(self, clusters: Sequence[str], values: FloatArray, alpha: float, bound: float) -> Estimate:
        num = np.zeros(len(self.index))
        den = np.zeros(len(self.index))
        for c, v in zip(clusters, values, strict=True):
            num[self.index[c]] += v
            den[self.index[c]] += 1
        k = int(np.count_nonzero(den))
        n = int(den.sum())
        if n == 0:
            return Estimate(None, (None, None), None, None, 0, 0)
        est = float(num.sum() / n)
        with np.errstate(invalid="ignore", divide="ignore"):
            draws: FloatArray = (self.weights @ num) / (self.weights @ den)
        ok = draws[np.isfinite(draws)]
        if k < 2 or ok.size < 2:
            return Estimate(est, (None, None), None, None, n, k, draws)
        se = float(np.std(ok, ddof=1)) * math.sqrt(k / (k - 1))
        q = float(t_dist.ppf(1 - alpha / 2, k - 1))
        if se == 0:
            p = 1.0 if est == 0 else 0.0
        else:
            p = float(2 * t_dist.sf(abs(est) / se, k - 1))
        ci = (max(-bound, est - q * se), min(bound, est + q * se))
        return Estimate(est, ci, se, p, n, k, draws)


def _diffs(pairs: PairOutcomes) -> FloatArray:
    out: FloatArray = np.asarray(pairs.triggered, float) - np.asarray(pairs.untriggered, float)
    return out


def _carries(est: Estimate, s: float, alpha: float) -> tuple[bool, NDArray[np.bool_]]:
    """Observed: CI excludes 0 on the base's side. Per draw: that draw would clear the same threshold."""
    if est.estimate is None or est.se is None or est.ci[0] is None or est.ci[1] is None:
        return False, np.zeros(est.draws.size, bool)
    q = float(t_dist.ppf(1 - alpha / 2, max(1, est.n_tasks - 1)))
    observed = bool(est.ci[0] > 0) if s > 0 else bool(est.ci[1] < 0)
    draws = np.nan_to_num(s * est.draws, nan=0.0) - q * est.se > 0
    return observed, draws


def inheritance(base: PairOutcomes, derivatives: Mapping[str, PairOutcomes], *, outcome: str = "",
                base_name: str = "base", relations: Mapping[str, str] | None = None, alpha: float = 0.05,
                reps: int = 2000, seed: int = 0) -> InheritanceResult:
    """Effects, differences from the base, Holm-adjusted classification and per-relation pooling."""
    relations = relations or {}
    tasks = sorted({*base.clusters, *(c for d in derivatives.values() for c in d.clusters)})
    boot = _Bootstrap(tasks, reps, seed)
    base_d = _diffs(base)
    base_est = boot.estimate(base.clusters, base_d, alpha, 1.0)
    s = 1.0 if (base_est.estimate or 0.0) >= 0 else -1.0
    base_by_key = {k: (c, v) for k, c, v in zip(base.keys, base.clusters, base_d, strict=True)}
    effects: dict[str, Estimate] = {}
    diffs: dict[str, Estimate] = {}
    unmatched: dict[str, int] = {}
    for name, pairs in derivatives.items():
        d = _diffs(pairs)
        effects[name] = boot.estimate(pairs.clusters, d, alpha, 1.0)
        joined = [(base_by_key[k][0], v - base_by_key[k][1]) for k, v in zip(pairs.keys, d, strict=True)
                  if k in base_by_key]
        unmatched[name] = len(pairs.keys) - len(joined)
        diffs[name] = boot.estimate([c for c, _ in joined], np.asarray([v for _, v in joined], float), alpha, 2.0)
    names = list(derivatives)
    present = [n for n in names if diffs[n].p is not None]
    adjusted = dict(zip(present, holm([float(diffs[n].p) for n in present]), strict=True))  # type: ignore[arg-type]
    results = []
    for name in names:
        eff, diff, p_holm = effects[name], diffs[name], adjusted.get(name)
        carries, carries_draws = _carries(eff, s, alpha)
        if eff.ci[0] is None or eff.ci[1] is None or diff.estimate is None or p_holm is None:
            label = "inconclusive"
        else:
            label = classify(base_est.estimate or 0.0, diff.estimate, p_holm <= alpha, (eff.ci[0], eff.ci[1]))
        results.append(DerivativeResult(name, relations.get(name, ""), eff, diff, p_holm, label, carries,
                                        unmatched[name], carries_draws))
    base_carries, base_draws = _carries(base_est, s, alpha)
    return InheritanceResult(outcome=outcome, alpha=alpha, base=base_name, base_effect=base_est,
                             base_carries=base_carries, base_carries_draws=base_draws,
                             derivatives=tuple(results), pooled=pool_by_relation(results, alpha))


def pool_by_relation(results: Sequence[DerivativeResult], alpha: float) -> dict[str, dict[str, Any]]:
    """Per relation type: the mean effect and mean difference over its derivatives, with percentile intervals
    from the shared task draws (so the derivatives' correlation through the common base is kept), and how many
    derivatives fell in each class."""
    groups: dict[str, list[DerivativeResult]] = {}
    for r in results:
        groups.setdefault(r.relation or "unspecified", []).append(r)
    out: dict[str, dict[str, Any]] = {}
    for relation, members in sorted(groups.items()):
        entry: dict[str, Any] = {"models": [m.model for m in members],
                                 "classes": {c: sum(m.classification == c for m in members) for c in CLASSES}}
        for key in ("effect", "difference"):
            ests = [getattr(m, key) for m in members if getattr(m, key).estimate is not None]
            if not ests or any(e.draws.size == 0 for e in ests):
                entry[key] = {"estimate": None, "ci": [None, None]}
                continue
            mean = float(np.mean([e.estimate for e in ests]))
            draws = np.mean(np.vstack([e.draws for e in ests]), axis=0)
            ok = draws[np.isfinite(draws)]
            ci = [float(np.quantile(ok, alpha / 2)), float(np.quantile(ok, 1 - alpha / 2))] if ok.size else [None, None]
            entry[key] = {"estimate": mean, "ci": ci}
        out[relation] = entry
    return out
