"""The design's figures in one place: headline power and cost next to the naive design, and every design
simulation quoted in docs/statistics.md (``python -m redline.stats.simulate --design`` / ``--design-checks``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.special import expit

from redline.stats.clustered import cluster_pvalues, cluster_sums, difference_interval, risk_ratio_clustered
from redline.stats.design_sim import (
    Rate,
    _arm,
    _task_logits,
    clustered_power,
    confirmatory_null,
    discordant,
    pooled_languages_null,
    refusal_scenario,
    sequential_coverage,
    topic_nesting_null,
)
from redline.stats.plan import cell_probabilities


def design_table(rng: np.random.Generator, *, tasks: int, replicates: int, family: int, conditions: int,
                 baseline: float = 0.19, target: float = 0.272, icc: float = 0.1, sensitivity: float = 0.85,
                 specificity: float = 0.94, alpha: float = 0.05, power: float = 0.8, sims: int = 2000
                 ) -> dict[str, dict[str, float | int | None]]:
    """The headline figures of this design next to the naive one, for a suite of ``tasks`` tasks.

    ``matched_clustered``: sensitive vs matched control, paired t-test on per-task sums, Holm over ``family``;
    planned (``plan_tasks``) and simulated power, simulated family-wise error under the null (temperature > 0),
    tasks and generations (all ``conditions`` per task-replicate) for ``power``.
    ``naive``: what the old planner promised treating every replicate pair as independent (exact McNemar at
    alpha / family, perfect judge), its real family-wise error when replicates are copies (temperature 0),
    and the generations it asked for (pairs x (family + 1)).
    """
    from redline.stats.plan import mcnemar_exact_power, plan_sample_size
    from redline.stats.plan_tasks import plan_tasks

    plan = plan_tasks(baseline, target, tasks=tasks, replicates=replicates, icc=icc, sensitivity=sensitivity,
                      specificity=specificity, family=family, conditions=conditions, alpha=alpha, power=power)
    sim_power = clustered_power(rng, baseline, target, tasks=tasks, replicates=replicates, icc=icc,
                                sensitivity=sensitivity, specificity=specificity, alpha=alpha / family, sims=sims)
    null = confirmatory_null(rng, family=family, tasks=tasks, replicates=replicates, alpha=alpha, sims=sims)
    naive_plan = plan_sample_size(baseline, target, conditions=family, power=power, alpha=alpha)
    _, p10, p01, _ = cell_probabilities(baseline, target, 0.0)
    naive_power = mcnemar_exact_power(tasks * replicates, p10, p01, alpha / family)
    copies = confirmatory_null(rng, family=family, tasks=tasks, replicates=replicates, alpha=alpha, copies=True,
                               sims=sims)
    return {
        "matched_clustered": {
            "tasks": tasks, "replicates": replicates, "planned_power": round(plan.power, 4),
            "simulated_power": round(sim_power.rate, 4), "familywise_error": round(null["clustered_holm"].rate, 4),
            "familywise_error_sequential": round(null["sequential_clustered"].rate, 4),
            "tasks_needed": plan.tasks_needed, "generations_needed": plan.generations_needed,
            "generations_at_tasks": plan.generations},
        "naive": {
            "tasks": tasks, "replicates": replicates, "claimed_power": round(naive_power, 4),
            "familywise_error_temperature_0": round(copies["naive_holm"].rate, 4),
            "familywise_error_temperature_gt_0": round(null["naive_holm"].rate, 4),
            "pairs_needed": naive_plan.pairs_per_condition, "generations_claimed": naive_plan.paired_generations},
    }

def clustered_test_sizes(rng: np.random.Generator, *, tasks: int = 30, replicates: int = 5, tau: float = 0.6,
               alpha: float = 0.05 / 7, sims: int = 20000) -> dict[str, Rate]:
    """Per-contrast type-I error at ``alpha`` of the candidate clustered tests (why the t-test on sums)."""
    from scipy.stats import chi2

    from redline.stats.tests import mcnemar_exact_many as exact

    base = _task_logits(rng, sims, tasks, 2.0, 6.0)
    b, c = discordant(_arm(rng, base, tau, replicates, False), _arm(rng, base, tau, replicates, False))
    d = c - b
    q = (d ** 2).sum(axis=1)
    durkalski = np.where(q > 0, chi2.sf(d.sum(axis=1) ** 2 / np.where(q > 0, q, 1.0), 1), 1.0)
    return {"cluster_t": Rate(float(np.mean(cluster_pvalues(d) <= alpha)), sims),
            "durkalski_chi2": Rate(float(np.mean(durkalski <= alpha)), sims),
            "exact_mcnemar_pairs": Rate(float(np.mean(exact(b.sum(1).astype(int), c.sum(1).astype(int)) <= alpha)),
                                        sims)}

def run_design_checks(sims: int, seed: int) -> dict[str, Any]:
    """Every design simulation quoted in docs/statistics.md (``python -m redline.stats.simulate --design-checks``)."""
    rng = np.random.default_rng(seed)

    def as_dicts(rates: dict[str, Rate]) -> dict[str, dict[str, float]]:
        return {k: v.as_dict() for k, v in rates.items()}

    return {
        "test_sizes_30x5_alpha_0.05/7": as_dicts(clustered_test_sizes(rng, sims=sims)),
        "confirmatory_null_60x3_family7": as_dicts(confirmatory_null(rng, tasks=60, replicates=3, sims=sims // 4)),
        "confirmatory_null_30x5_family7": as_dicts(confirmatory_null(rng, tasks=30, replicates=5, sims=sims // 4)),
        "confirmatory_null_60x5_family7_temperature0": as_dicts(
            confirmatory_null(rng, tasks=60, replicates=5, copies=True, sims=sims // 4)),
        "refusal_scenario_400x3": as_dicts(refusal_scenario(rng, tasks=400, replicates=3, sims=sims // 10)),
        "refusal_scenario_200x3": as_dicts(refusal_scenario(rng, tasks=200, replicates=3, sims=sims // 10)),
        "pooled_languages_40x3_identical": as_dicts(pooled_languages_null(rng, questions=40, sims=sims)),
        "pooled_languages_40x3_independent": as_dicts(
            pooled_languages_null(rng, questions=40, identical=False, sims=sims)),
        "topic_nesting_13_vs_7_topics_x3_questions": as_dicts(topic_nesting_null(rng, sims=sims)),
        "sequential_coverage_300x2_effect": sequential_coverage(rng, sims=sims // 5),
        "sequential_coverage_300x2_null": sequential_coverage(rng, target=0.19, sims=sims // 5),
        "clustered_interval_coverage_30x4": as_dicts(interval_coverage(rng, sims=max(500, sims // 10))),
        "three_category_null_40x3": as_dicts(three_category_null(rng, sims=sims)),
    }


def interval_coverage(rng: np.random.Generator, *, tasks: int = 30, replicates: int = 4, shift: float = 0.1,
                      tau: float = 0.6, alpha: float = 0.05, sims: int = 2000) -> dict[str, Rate]:
    """Coverage of the clustered difference and risk-ratio intervals (``stats.clustered``) over heterogeneous
    tasks; the targets are the population difference and ratio of the two arms' mean rates."""
    base = _task_logits(rng, 1, 200_000, 2.0, 6.0)[0]
    lean = rng.normal(0.0, tau, size=(2, base.size))
    p_first, p_second = expit(base + lean[0]), expit(base + shift * 4 + lean[1])
    true_diff = float(np.mean(p_second - p_first))
    true_ratio = float(np.mean(p_second) / np.mean(p_first))
    hits_d = hits_r = 0
    names = [f"t{k}" for k in range(tasks) for _ in range(replicates)]
    for _ in range(sims):
        idx = rng.integers(0, base.size, tasks)
        first = rng.random((tasks, replicates)) < p_first[idx, None]
        second = rng.random((tasks, replicates)) < p_second[idx, None]
        sums = cluster_sums(names, first.ravel().tolist(), second.ravel().tolist())
        hits_d += int(difference_interval(sums, alpha)[1].contains(true_diff))
        hits_r += int(risk_ratio_clustered(sums, alpha)[1].contains(true_ratio))
    return {"difference": Rate(hits_d / sims, sims), "risk_ratio": Rate(hits_r / sims, sims)}



def three_category_draws(rng: np.random.Generator, *, sims: int, tasks: int, replicates: int,
                         concentration: float = 10.0) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """(sims, tasks, replicates) categories of two exchangeable arms around task-level propensities."""
    task = rng.dirichlet([2.0, 5.0, 1.5], size=(sims, tasks))
    arms = []
    for _ in range(2):
        g = rng.standard_gamma(concentration * task)
        p = g / g.sum(axis=-1, keepdims=True)
        u = rng.random((sims, tasks, replicates, 1))
        arms.append((u > np.cumsum(p, axis=-1)[:, :, None, :2]).sum(axis=-1))  # category index 0..2
    return arms[0], arms[1]


def three_category_pvalues(first: NDArray[np.int64], second: NDArray[np.int64]
                           ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Vectorised ``marginal_homogeneity_clustered`` (tasks as clusters) and ``marginal_homogeneity`` (pooled
    pairs) p-values for (sims, tasks, replicates) categories."""
    from scipy.stats import chi2
    from scipy.stats import f as f_dist

    tasks = first.shape[1]
    onehot = np.eye(3)
    dvec = (onehot[second] - onehot[first]).sum(axis=2)[..., :2]  # (sims, tasks, 2)
    total = dvec.sum(axis=1)
    cov = np.einsum("ski,skj->sij", dvec, dvec)
    stat = np.einsum("si,sij,sj->s", total, np.linalg.pinv(cov), total)
    frac = np.minimum(stat / tasks, 1 - 1e-12)
    fstat = (tasks - 1) * frac / (1 - frac) * (tasks - 2) / (2 * (tasks - 1))
    p_cl = np.where(np.linalg.matrix_rank(cov) == 2, f_dist.sf(fstat, 2, tasks - 2), 1.0)
    table = np.einsum("skri,skrj->sij", onehot[first], onehot[second])
    d = (table.sum(axis=2) - table.sum(axis=1))[:, :2]
    s = -(table + table.transpose(0, 2, 1))
    idx = np.arange(3)
    s[:, idx, idx] = table.sum(axis=2) + table.sum(axis=1) - 2 * np.einsum("sii->si", table)
    s2 = s[:, :2, :2]
    w = np.einsum("si,sij,sj->s", d, np.linalg.pinv(s2), d)
    p_plain = np.where(np.linalg.matrix_rank(s2) == 2, chi2.sf(w, 2), 1.0)
    return p_cl, p_plain


def three_category_null(rng: np.random.Generator, *, tasks: int = 40, replicates: int = 3,
                        concentration: float = 10.0, alpha: float = 0.05, sims: int = 4000) -> dict[str, Rate]:
    """{vulnerable, secure, no usable code}, two exchangeable arms, task-level propensities: type-I error of the
    clustered Stuart-Maxwell test and of the plain one on pooled pairs."""
    first, second = three_category_draws(rng, sims=sims, tasks=tasks, replicates=replicates,
                                         concentration=concentration)
    p_cl, p_plain = three_category_pvalues(first, second)
    return {"clustered_stuart_maxwell": Rate(float(np.mean(p_cl <= alpha)), sims),
            "stuart_maxwell_pooled_pairs": Rate(float(np.mean(p_plain <= alpha)), sims)}
