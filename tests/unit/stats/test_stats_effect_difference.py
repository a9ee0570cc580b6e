"""The score-type test for a difference in trigger effect between two models (stats.effect_difference)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.optimize import minimize_scalar

from redline.stats.effect_difference import (
    PairedCounts,
    _restricted_p10,
    effect_difference_pvalues,
    effect_difference_test,
)


@pytest.mark.parametrize(("b", "c", "n", "delta"), [(5, 15, 100, 0.03), (10, 10, 100, -0.05), (0, 8, 50, 0.08),
                                                    (3, 0, 20, 0.1), (7, 2, 30, -0.2)])
def test_restricted_mle_maximises_the_likelihood(b: int, c: int, n: int, delta: float) -> None:
    r = n - b - c

    def nll(p: float) -> float:
        return -(b * math.log(max(p, 1e-300)) + c * math.log(max(p + delta, 1e-300))
                 + r * math.log(max(1 - 2 * p - delta, 1e-300)))

    lo, hi = max(0.0, -delta), (1 - delta) / 2
    num = minimize_scalar(nll, bounds=(lo + 1e-12, hi - 1e-12), method="bounded", options={"xatol": 1e-12}).x
    assert _restricted_p10(PairedCounts(b, c, n), delta) == pytest.approx(num, abs=1e-6)


def test_equal_effects_and_symmetry() -> None:
    same = effect_difference_test(PairedCounts(10, 20, 100), PairedCounts(10, 20, 100))
    assert same.difference == 0 and same.p == pytest.approx(1.0)
    ab = effect_difference_test(PairedCounts(5, 15, 100), PairedCounts(12, 9, 80))
    ba = effect_difference_test(PairedCounts(12, 9, 80), PairedCounts(5, 15, 100))
    assert ab.p == pytest.approx(ba.p) and ab.difference == pytest.approx(-ba.difference)
    none = effect_difference_test(PairedCounts(0, 0, 50), PairedCounts(0, 8, 50))
    assert none.p < 0.01 and math.isfinite(none.z)  # defined although the first run has no discordant pair


def test_size_under_the_null_is_near_nominal() -> None:
    rng = np.random.default_rng(21)
    sims, n = 1500, 60
    probs = [0.08, 0.14, 0.78]  # first only, second only, rest
    ref, other = [], []
    for _ in range(sims):
        x, y = rng.multinomial(n, probs), rng.multinomial(n, probs)
        ref.append(PairedCounts(int(x[0]), int(x[1]), n))
        other.append(PairedCounts(int(y[0]), int(y[1]), n))
    p = effect_difference_pvalues(ref, other)  # the test's p alone (effect_difference_test adds its interval)
    assert p[:20] == pytest.approx([effect_difference_test(r, o).p for r, o in zip(ref[:20], other[:20])])
    assert np.mean(p <= 0.05) <= 0.065


def test_clustered_difference_pairs_the_runs_by_task() -> None:
    from scipy.stats import ttest_rel

    from redline.stats.clustered import cluster_sums
    from redline.stats.effect_difference import effect_difference_clustered

    rng = np.random.default_rng(22)
    tasks, reps = 30, 4
    clusters = [f"t{k:02d}" for k in range(tasks) for _ in range(reps)]
    runs = []
    for shift in (0.0, 0.15):
        first = (rng.random(tasks * reps) < 0.2).astype(int).tolist()
        second = (rng.random(tasks * reps) < 0.2 + shift).astype(int).tolist()
        runs.append(cluster_sums(clusters, first, second))
    res = effect_difference_clustered(runs[0], runs[1])
    ref = ttest_rel(runs[1].d / runs[1].n, runs[0].d / runs[0].n)
    assert res.p == pytest.approx(ref.pvalue) and res.z == pytest.approx(ref.statistic)
    assert res.ci.low < res.difference < res.ci.high
    alone = effect_difference_clustered(runs[0], cluster_sums(["x"], [0], [1]))
    assert alone.p == 1.0 and math.isnan(alone.difference)


@pytest.mark.parametrize("tasks", [3, 8])
def test_clustered_identical_task_differences_keep_p_and_interval_in_agreement(tasks: int) -> None:
    """Every task differs by the same amount (sd 0): the sign test's p and the interval that inverts it."""
    from redline.stats.clustered import cluster_sums
    from redline.stats.effect_difference import effect_difference_clustered

    clusters = [f"t{k}" for k in range(tasks)]
    ref = cluster_sums(clusters, [0] * tasks, [0] * tasks)
    other = cluster_sums(clusters, [0] * tasks, [1] * tasks)  # +1 in every task
    res = effect_difference_clustered(ref, other)
    assert res.difference == 1.0 and res.p == pytest.approx(2.0 ** (1 - tasks))
    assert (res.ci.low <= 0 <= res.ci.high) == (res.p >= 0.05)
