"""Clustered paired inference: the task is the unit (stats.clustered)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.stats import ttest_1samp

from redline.stats.clustered import (
    cluster_pvalue,
    cluster_pvalues,
    cluster_sums,
    clustered_contrast,
    difference_interval,
    risk_ratio_clustered,
)
from redline.stats.intervals import risk_ratio_paired


def _pairs(rng: np.random.Generator, tasks: int, reps: int) -> tuple[list[str], list[int], list[int]]:
    cl, first, second = [], [], []
    for k in range(tasks):
        p = rng.uniform(0.1, 0.6)
        for _ in range(reps):
            cl.append(f"t{k:03d}")
            first.append(int(rng.random() < p))
            second.append(int(rng.random() < min(1.0, p + 0.1)))
    return cl, first, second


def test_cluster_sums_count_each_task() -> None:
    s = cluster_sums(["b", "a", "a", "b", "b"], [1, 0, 1, 1, 0], [0, 1, 1, 1, 1])
    assert s.clusters == ("a", "b")
    assert s.n.tolist() == [2, 3] and s.x.tolist() == [1, 2] and s.y.tolist() == [2, 2]
    assert s.b.tolist() == [0, 1] and s.c.tolist() == [1, 1] and s.d.tolist() == [1, 0]


def test_pvalue_is_the_one_sample_t_test_on_task_sums() -> None:
    rng = np.random.default_rng(3)
    d = rng.integers(-3, 4, size=(50, 25)).astype(float)
    ours = cluster_pvalues(d)
    ref = ttest_1samp(d, 0.0, axis=1).pvalue
    assert np.allclose(ours, ref)
    assert cluster_pvalue(d[0]) == pytest.approx(float(ref[0]))


def test_constant_task_sums_fall_back_to_the_sign_test() -> None:
    assert cluster_pvalue([1.0] * 12) == pytest.approx(2 * 0.5 ** 12)
    assert cluster_pvalue([0.0, 2.0, 0.0, 2.0]) < 1  # sd > 0: the t-test
    assert cluster_pvalue([0.0] * 8) == 1.0
    assert cluster_pvalue([3.0]) == 1.0  # one task: no test


def test_difference_interval_uses_the_ratio_variance_over_tasks() -> None:
    rng = np.random.default_rng(4)
    s = cluster_sums(*_pairs(rng, 30, 4))
    est, iv = difference_interval(s, 0.05)
    assert est == pytest.approx(s.d.sum() / s.n.sum())
    k = s.k
    var = k / (k - 1) * np.sum((s.d - est * s.n) ** 2) / s.n.sum() ** 2
    from scipy.stats import t as t_dist
    half = t_dist.ppf(0.975, k - 1) * math.sqrt(var)
    assert iv.low == pytest.approx(est - half) and iv.high == pytest.approx(est + half)


def test_difference_interval_is_never_narrower_than_independent_pairs() -> None:
    s = cluster_sums([f"t{i}" for i in range(20) for _ in range(3)], [1, 0, 0] * 20, [1, 0, 0] * 20)
    est, iv = difference_interval(s)
    assert est == 0 and iv.low < 0 < iv.high  # no discordant pair: robust variance 0, yet not certainty
    from redline.stats.intervals import newcombe_paired
    assert (iv.low, iv.high) == pytest.approx((newcombe_paired(20, 0, 0, 40).low, newcombe_paired(20, 0, 0, 40).high))


def test_interval_widens_when_replicates_are_copies() -> None:
    rng = np.random.default_rng(5)
    cl, f, s = _pairs(rng, 40, 1)
    once = difference_interval(cluster_sums(cl, f, s))[1]
    copies = difference_interval(cluster_sums([c for c in cl for _ in range(5)], [x for x in f for _ in range(5)],
                                              [x for x in s for _ in range(5)]))[1]
    # five identical replicates carry the information of one: the clustered interval does not shrink
    assert copies.high - copies.low == pytest.approx(once.high - once.low)


def test_risk_ratio_clustered_contains_estimate_and_handles_zero_totals() -> None:
    rng = np.random.default_rng(6)
    s = cluster_sums(*_pairs(rng, 30, 3))
    rr, iv = risk_ratio_clustered(s)
    assert rr == pytest.approx(s.y.sum() / s.x.sum())
    assert iv.low < rr < iv.high
    zero = cluster_sums(["a", "b", "c"], [0, 0, 0], [1, 0, 1])
    rr0, iv0 = risk_ratio_clustered(zero)
    assert (rr0, iv0) == risk_ratio_paired(0, 0, 2, 1)


def test_few_tasks_are_never_significant() -> None:
    s = cluster_sums([f"t{i}" for i in range(6) for _ in range(5)], [0] * 30, [1] * 30)
    res = clustered_contrast(s)
    assert res.p < 0.05 and not res.reliable
    assert not res.significant(None, 0.05) and not res.significant(0.0001, 0.05)
    assert "too few" in res.note
    big = cluster_sums([f"t{i}" for i in range(12) for _ in range(2)], [0] * 24, [1] * 24)
    assert clustered_contrast(big).significant(None, 0.05)
