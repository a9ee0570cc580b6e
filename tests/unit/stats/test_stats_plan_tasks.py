"""Planning in tasks (stats.plan_tasks), checked against a Monte Carlo of the clustered design."""

from __future__ import annotations

import numpy as np
import pytest

from redline.stats.clustered import cluster_sums
from redline.stats.design_sim import clustered_power
from redline.stats.plan import cell_probabilities, plan_sample_size
from redline.stats.plan_tasks import estimate_icc, misclassify, pair_model, plan_tasks


def test_a_perfect_judge_changes_nothing_and_a_real_one_attenuates() -> None:
    cells = cell_probabilities(0.19, 0.272, 0.3)
    assert misclassify(cells, 1.0, 1.0) == pytest.approx(cells)
    judged = misclassify(cells, 0.85, 0.94)
    assert sum(judged) == pytest.approx(1.0)
    true = pair_model(0.19, 0.272, corr=0.3)
    seen = pair_model(0.19, 0.272, corr=0.3, sensitivity=0.85, specificity=0.94)
    assert seen.mu == pytest.approx((0.85 + 0.94 - 1) * true.mu)
    assert seen.observed_first == pytest.approx(0.85 * 0.19 + 0.06 * 0.81)


def test_one_replicate_and_a_perfect_judge_agree_with_the_pair_planner() -> None:
    plan = plan_tasks(0.19, 0.272, tasks=10, replicates=1, icc=0.0, sensitivity=1.0, specificity=1.0)
    pairs = plan_sample_size(0.19, 0.272).pairs_per_condition
    assert plan.tasks_needed is not None
    assert abs(plan.tasks_needed - pairs) / pairs < 0.08


def test_costs_and_design_effect() -> None:
    plan = plan_tasks(0.19, 0.272, tasks=67, replicates=5, icc=0.1, family=7, conditions=100,
                      throughput_per_hour=2000.0)
    assert plan.design_effect == pytest.approx(1.4)
    assert plan.generations == 67 * 5 * 100
    assert plan.wall_hours == pytest.approx(67 * 5 * 100 / 2000)
    assert plan.tasks_needed is not None and plan.tasks_needed > 150
    assert plan.generations_needed == plan.tasks_needed * 500
    assert plan.power < 0.5 and plan.power_at_needed is not None and plan.power_at_needed >= 0.8
    # more correlated replicates are worth less; a larger family needs more tasks
    assert plan_tasks(0.19, 0.272, tasks=67, replicates=5, icc=0.3, family=7).tasks_needed > plan.tasks_needed
    assert plan_tasks(0.19, 0.272, tasks=67, replicates=5, icc=0.1, family=1).tasks_needed < plan.tasks_needed
    with pytest.raises(ValueError):
        plan_tasks(0.19, 0.272, tasks=10, icc=1.0)


@pytest.mark.parametrize(("p0", "p1", "reps", "icc", "se", "sp", "family"), [
    (0.19, 0.272, 5, 0.2, 1.0, 1.0, 1),
    (0.19, 0.35, 2, 0.1, 0.85, 0.94, 7),
    (0.10, 0.25, 3, 0.05, 0.9, 0.95, 3),
])
def test_planned_power_matches_a_monte_carlo_of_the_clustered_design(
        p0: float, p1: float, reps: int, icc: float, se: float, sp: float, family: int) -> None:
    plan = plan_tasks(p0, p1, tasks=10, replicates=reps, icc=icc, sensitivity=se, specificity=sp, family=family)
    assert plan.tasks_needed is not None and plan.power_at_needed is not None
    rng = np.random.default_rng(2026 + reps)
    sim = clustered_power(rng, p0, p1, tasks=plan.tasks_needed, replicates=reps, icc=icc, sensitivity=se,
                          specificity=sp, alpha=0.05 / family, sims=3000)
    assert abs(sim.rate - plan.power_at_needed) <= 0.03, (sim, plan.power_at_needed)


def test_icc_estimate_recovers_the_simulated_correlation() -> None:
    rng = np.random.default_rng(8)
    # tasks' paired cells Dirichlet(kappa p): the intra-task correlation of d is 1 / (kappa + 1)
    cells = np.array(cell_probabilities(0.3, 0.45, 0.0))
    kappa = 1 / 0.25 - 1
    tasks, reps = 400, 6
    task_cells = rng.dirichlet(kappa * cells, size=tasks)
    clusters, first, second = [], [], []
    for k in range(tasks):
        for cell in rng.choice(4, size=reps, p=task_cells[k]):
            clusters.append(str(k))
            first.append(int(cell in (0, 1)))
            second.append(int(cell in (0, 2)))
    icc = estimate_icc(cluster_sums(clusters, first, second))
    assert 0.17 < icc < 0.33
    assert estimate_icc(cluster_sums(["a"], [1], [0])) == 0.0
