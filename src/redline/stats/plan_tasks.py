"""Planning in tasks: power of the clustered paired test when tasks carry replicates and the judge errs.

``plan.py`` plans in independent pairs. A real audit has K tasks, each asked ``replicates`` times under every
condition; the analysis (``stats.clustered``) runs the paired t-test on per-task sums ``d_k = c_k - b_k``
(K - 1 df). This module plans for exactly that test:

* judge error: with sensitivity Se and specificity Sp applied independently to each generation, an observed
  rate is ``Se p + (1 - Sp)(1 - p)`` and a paired difference shrinks by ``J = Se + Sp - 1``;
* replicates: ``icc`` is the correlation between two replicates' judged paired differences within one task, so
  ``var(d_k) = m sigma^2 (1 + (m - 1) icc)`` (the design effect); ``estimate_icc`` gives it from a pilot run;
* family: each of ``family`` confirmatory contrasts is tested at ``alpha / family`` (Bonferroni, the first step
  of Holm: conservative for Holm);
* cost: every task-replicate is generated under all ``conditions`` (baseline, controls, crossed conditions).

Power is the noncentral-t power with noncentrality ``sqrt(K) m mu / sqrt(v)``;
``stats.design_sim.clustered_power`` checks it by Monte Carlo.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from scipy.stats import nct, norm
from scipy.stats import t as t_dist

from redline.stats.clustered import ClusterSums
from redline.stats.plan import cell_probabilities

# Measured error rates of the code judges the planner can assume (``redline plan --judge``).
# code-exec (the primary code outcome where a task has a harness, i.e. every shipped code task): sensitivity =
# vulnerable references exploited, 374 of 374 (optimistic: these references validate the harnesses);
# specificity = independently written secure solutions not exploited, 191 of 191 (tests/unit/exec/independent_*).
# static (the code-security judge, secondary): holdout2 recall 0.849 and the specificity its precision 0.833
# implies at a 25% prevalence; on public code it does far worse (docs/public-calibration-data.md).
JUDGE_ERROR = {"code-exec": (1.0, 1.0), "static": (0.85, 0.94)}
DEFAULT_JUDGE = "code-exec"
DEFAULT_SENSITIVITY, DEFAULT_SPECIFICITY = JUDGE_ERROR[DEFAULT_JUDGE]
DEFAULT_ICC = 0.1
MAX_TASKS = 100_000


def misclassify(cells: tuple[float, float, float, float], sensitivity: float, specificity: float
                ) -> tuple[float, float, float, float]:
    """True paired cells (both, first only, second only, neither) -> judged cells, errors independent per
    generation."""
    p11, p10, p01, p00 = cells
    pos = np.array([[specificity, 1 - specificity], [1 - sensitivity, sensitivity]])  # row: true 0/1, col: judged
    true = np.array([[p00, p01], [p10, p11]])  # [first][second]
    judged = pos.T @ true @ pos
    return float(judged[1, 1]), float(judged[1, 0]), float(judged[0, 1]), float(judged[0, 0])


@dataclass(frozen=True)
class PairModel:
    """Per-pair moments of the judged paired difference d in {-1, 0, 1}."""

    mu: float  # E d = P(second only) - P(first only)
    sigma2: float  # var d
    observed_first: float
    observed_second: float


def pair_model(p0: float, p1: float, *, corr: float = 0.0, sensitivity: float = 1.0,
               specificity: float = 1.0) -> PairModel:
    cells = misclassify(cell_probabilities(p0, p1, corr), sensitivity, specificity)
    mu = cells[2] - cells[1]
    return PairModel(mu, cells[1] + cells[2] - mu * mu, cells[0] + cells[1], cells[0] + cells[2])


def clustered_power(tasks: int, replicates: int, model: PairModel, *, icc: float, alpha: float) -> float:
    """Power of the two-sided paired t-test on per-task sums at level ``alpha`` (noncentral t, K - 1 df)."""
    if tasks < 2:
        return 0.0
    m = replicates
    v = m * model.sigma2 * (1 + (m - 1) * icc)
    if v <= 0:
        return 0.0
    ncp = math.sqrt(tasks) * m * model.mu / math.sqrt(v)
    crit = float(t_dist.ppf(1 - alpha / 2, tasks - 1))
    if abs(ncp) - crit > 12:
        return 1.0
    power = float(nct.sf(crit, tasks - 1, abs(ncp)) + nct.cdf(-crit, tasks - 1, abs(ncp)))
    if not math.isfinite(power):  # scipy's noncentral t can fail for large df: the normal limit is then exact
        power = float(norm.cdf(abs(ncp) - crit) + norm.cdf(-abs(ncp) - crit))
    return min(1.0, power)


@dataclass(frozen=True)
class TaskPlan:
    baseline: float
    target: float
    replicates: int
    icc: float
    design_effect: float
    sensitivity: float
    specificity: float
    judged_baseline: float
    judged_target: float
    attenuation: float  # J = Se + Sp - 1
    family: int
    alpha: float
    alpha_per_contrast: float
    conditions: int
    tasks: int  # the tasks given (or needed, when planning)
    power: float  # at ``tasks``
    target_power: float
    tasks_needed: int | None
    power_at_needed: float | None
    generations_needed: int | None
    generations: int  # at ``tasks``
    throughput_per_hour: float | None
    wall_hours: float | None  # at ``tasks``
    wall_hours_needed: float | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def tasks_needed(model: PairModel, replicates: int, *, icc: float, alpha: float, power: float,
                 limit: int = MAX_TASKS) -> int | None:
    """Smallest K whose power reaches ``power`` (None beyond ``limit``): doubling, then bisection."""
    def ok(k: int) -> bool:
        return clustered_power(k, replicates, model, icc=icc, alpha=alpha) >= power

    hi = 2
    while not ok(hi):
        if hi >= limit:
            return None
        hi = min(limit, hi * 2)
    lo = max(2, hi // 2)
    while lo < hi:  # power is increasing in K
        mid = (lo + hi) // 2
        if ok(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo


def plan_tasks(baseline: float, target: float, *, tasks: int, replicates: int = 1, icc: float = DEFAULT_ICC,
               sensitivity: float = DEFAULT_SENSITIVITY, specificity: float = DEFAULT_SPECIFICITY,
               family: int = 1, conditions: int = 2, alpha: float = 0.05, power: float = 0.8,
               pair_correlation: float = 0.0, throughput_per_hour: float | None = None) -> TaskPlan:
    """Power at ``tasks`` and the tasks, generations and wall time needed for ``power``."""
    for name, value in (("baseline", baseline), ("target", target), ("power", power), ("alpha", alpha)):
        if not 0 < value < 1:
            raise ValueError(f"{name} must be between 0 and 1 (exclusive), got {value}")
    if not 0.5 < sensitivity <= 1 or not 0.5 < specificity <= 1:
        raise ValueError("sensitivity and specificity must be in (0.5, 1]")
    if not 0 <= icc < 1:
        raise ValueError(f"icc must be in [0, 1), got {icc}")
    if replicates < 1 or family < 1 or conditions < 2 or tasks < 1:
        raise ValueError("replicates and family must be >= 1, conditions >= 2 (two arms), tasks >= 1")
    model = pair_model(baseline, target, corr=pair_correlation, sensitivity=sensitivity, specificity=specificity)
    a = alpha / family
    got = clustered_power(tasks, replicates, model, icc=icc, alpha=a)
    need = tasks_needed(model, replicates, icc=icc, alpha=a, power=power)
    per_task = replicates * conditions

    def hours(generations: int) -> float | None:
        return generations / throughput_per_hour if throughput_per_hour else None

    return TaskPlan(
        baseline=baseline, target=target, replicates=replicates, icc=icc,
        design_effect=1 + (replicates - 1) * icc, sensitivity=sensitivity, specificity=specificity,
        judged_baseline=model.observed_first, judged_target=model.observed_second,
        attenuation=sensitivity + specificity - 1, family=family, alpha=alpha, alpha_per_contrast=a,
        conditions=conditions, tasks=tasks, power=got, target_power=power, tasks_needed=need,
        power_at_needed=clustered_power(need, replicates, model, icc=icc, alpha=a) if need else None,
        generations_needed=need * per_task if need else None, generations=tasks * per_task,
        throughput_per_hour=throughput_per_hour, wall_hours=hours(tasks * per_task),
        wall_hours_needed=hours(need * per_task) if need else None)


def estimate_icc(sums: ClusterSums) -> float:
    """One-way ANOVA estimate of the intra-task correlation of paired differences d (0 when not estimable).

    Uses per-task counts only: d is -1, 0 or 1, so sum d^2 over a task is b + c.
    """
    n = sums.n
    k, total = sums.k, float(n.sum())
    if k < 2 or total <= k:
        return 0.0
    sum_d, sum_d2 = sums.d, sums.b + sums.c
    grand = float(sum_d.sum()) / total
    ss_between = float(np.sum(sum_d ** 2 / n)) - total * grand ** 2
    ss_within = float(np.sum(sum_d2 - sum_d ** 2 / n))
    msb, msw = ss_between / (k - 1), ss_within / (total - k)
    n0 = (total - float(np.sum(n ** 2)) / total) / (k - 1)
    denom = msb + (n0 - 1) * msw
    return max(0.0, (msb - msw) / denom) if denom > 0 else 0.0
