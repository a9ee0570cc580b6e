"""Group-sequential boundaries, repeated confidence intervals and the per-task-sums rule."""

from __future__ import annotations

import numpy as np
import pytest

from redline.stats.clustered import cluster_sums
from redline.stats.intervals import newcombe_paired
from redline.stats.sequential import Look, spent_alpha
from redline.stats.sequential_clustered import (
    ClusterLook,
    decide_clustered,
    nominal_levels,
    normal_boundaries,
    rejects_many,
    repeated_intervals_paired,
)


def test_one_look_is_the_fixed_sample_test() -> None:
    assert normal_boundaries([1.0], 0.05) == [pytest.approx(1.959964, abs=1e-5)]


@pytest.mark.parametrize("kind", ["obrien-fleming", "pocock"])
def test_boundaries_spend_exactly_the_planned_alpha(kind: str) -> None:
    fractions = [0.15, 0.4, 0.7, 1.0]
    bounds = np.array(normal_boundaries(fractions, 0.05, kind))
    rng = np.random.default_rng(31)
    n = 200_000
    steps = rng.normal(size=(n, 4)) * np.sqrt(np.diff([0.0, *fractions]))
    z = np.cumsum(steps, axis=1) / np.sqrt(fractions)
    crossed = np.abs(z) >= bounds
    first = np.where(crossed.any(axis=1), crossed.argmax(axis=1), 99)
    for k, t in enumerate(fractions):
        assert np.mean(first <= k) == pytest.approx(spent_alpha(t, 0.05, kind), abs=0.0015)
    assert bounds[0] > bounds[-1] if kind == "obrien-fleming" else True


def test_repeated_intervals_are_wider_than_naive_ones_early() -> None:
    looks = [Look(100, 12, 20, 5), Look(200, 25, 41, 9), Look(300, 37, 60, 14)]
    rcis = repeated_intervals_paired(looks, max_pairs=300, alpha=0.05)
    levels = nominal_levels(normal_boundaries([1 / 3, 2 / 3, 1.0], 0.05))
    assert levels[0] < levels[1] < levels[2] < 0.05
    for look, rci in zip(looks, rcis, strict=True):
        naive = newcombe_paired(look.a, look.b, look.c, look.pairs - look.a - look.b - look.c, 0.05)
        assert rci.low <= naive.low and naive.high <= rci.high


def _look(tasks: int, d_per_task: list[int], reps: int = 3) -> ClusterLook:
    clusters, first, second = [], [], []
    for k in range(tasks):
        d = d_per_task[k % len(d_per_task)]
        for r in range(reps):
            clusters.append(f"t{k:03d}")
            first.append(int(r < -d))
            second.append(int(r < d))
    return ClusterLook.of(cluster_sums(clusters, first, second))


def test_effect_below_margin_continue_and_inconclusive() -> None:
    strong = [_look(20, [2, 1, 1, 0]), _look(40, [2, 1, 1, 0])]
    res = decide_clustered("x", strong, max_tasks=100, alpha=0.05)
    assert res.status == "effect" and res.reliable
    assert res.rci.low <= res.naive_ci.low  # adjusted interval leads, naive one is shown as such
    flat = [_look(50, [1, -1, 0, 0, 0, 0, 1, -1]), _look(90, [1, -1, 0, 0, 0, 0, 1, -1])]
    res = decide_clustered("y", flat, max_tasks=100, alpha=0.05, margin=0.2)
    assert res.status == "below_margin" and res.margin == 0.2
    assert -0.2 < res.rci.low and res.rci.high < 0.2
    assert decide_clustered("y", flat, max_tasks=100, alpha=0.05, margin=0.01).status == "continue"
    assert decide_clustered("y", flat, max_tasks=100, alpha=0.05, final=True).status == "inconclusive"


def test_too_few_tasks_never_reject() -> None:
    few = [_look(6, [3])]
    res = decide_clustered("z", few, max_tasks=8, alpha=0.05)
    assert res.status != "effect" and not res.reliable
    z = np.array([[50.0, 50.0]])
    assert not rejects_many(z, [6, 8], max_tasks=8, alpha=0.05)[0]
    assert rejects_many(z, [6, 12], max_tasks=12, alpha=0.05)[0]


def test_vectorised_rule_agrees_with_the_decision() -> None:
    looks = [_look(20, [1, 0, 0, -1, 1]), _look(40, [1, 0, 0, -1, 1, 1])]
    z = np.array([[lk.z for lk in looks]])
    effect = decide_clustered("w", looks, max_tasks=40, alpha=0.05).status == "effect"
    assert bool(rejects_many(z, [20, 40], max_tasks=40, alpha=0.05)[0]) == effect


def test_history_round_trips_and_splits_alpha() -> None:
    import json

    from redline.stats.sequential_clustered import ClusteredHistory

    hist = ClusteredHistory(alpha=0.05, max_tasks=100, margin=0.1)
    first = hist.decide({"a": _look(20, [2, 1, 1, 0]), "b": _look(20, [1, -1, 0])})
    assert [d.alpha for d in first] == [0.025, 0.025]
    again = ClusteredHistory.from_dict(json.loads(json.dumps(hist.to_dict())))
    assert again == hist
    second = again.decide({"a": _look(40, [2, 1, 1, 0])})  # b has no news: its counts stay
    assert again.looks["b"][-1] == again.looks["b"][-2]
    assert second[0].status == "effect"
