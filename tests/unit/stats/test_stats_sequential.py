"""The alpha-spending stopping rule: spending function, boundaries, decisions, history and the run monitor."""

import json

import numpy as np
import pytest

from redline.stats.sequential import (
    Look,
    SequentialHistory,
    critical_values,
    current_looks,
    decide_contrast,
    decide_round,
    max_pairs_for,
    monitor_run,
    spent_alpha,
)
from redline.stats.tests import mcnemar_exact
from tests.support.synthetic import scripted_code_effect, write_run


@pytest.mark.parametrize("kind", ["obrien-fleming", "pocock"])
def test_spending_function_properties(kind):
    ts = np.linspace(0, 1, 21)
    spent = [spent_alpha(t, 0.05, kind) for t in ts]
    assert spent[0] == 0 and spent[-1] == pytest.approx(0.05)
    assert all(a <= b + 1e-15 for a, b in zip(spent, spent[1:]))
    with pytest.raises(ValueError):
        spent_alpha(0.5, 0.05, "haybittle")


def test_obrien_fleming_spends_almost_nothing_early():
    # Lan-DeMets O'Brien-Fleming type, two-sided 0.05: 2 - 2 Phi(1.96 / sqrt(t))
    assert spent_alpha(0.2, 0.05) == pytest.approx(1.17e-5, rel=0.01)
    assert spent_alpha(0.5, 0.05) == pytest.approx(0.00557, rel=0.01)


def test_single_final_look_is_the_exact_mcnemar_test():
    """With one look at full information the rule is the fixed-sample exact McNemar test."""
    for b, c in [(2, 10), (3, 10), (10, 25), (14, 30), (0, 5), (0, 6)]:
        crit = critical_values([Look(100, b, c)], max_pairs=100, alpha=0.05)[0]
        rejects = crit is not None and abs(c - b) >= crit
        assert rejects == (mcnemar_exact(b, c) <= 0.05), (b, c, crit)


def test_boundaries_of_earlier_looks_do_not_change_when_looks_are_added():
    looks = [Look(50, 6, 12), Look(100, 13, 22), Look(150, 18, 35), Look(200, 25, 44)]
    full = critical_values(looks, max_pairs=200, alpha=0.05)
    for k in range(1, len(looks)):
        assert critical_values(looks[:k], max_pairs=200, alpha=0.05) == full[:k]


def test_exact_type_one_error_of_the_boundaries_is_at_most_alpha():
    """Enumerate every path of discordant pairs under the null for a small design: exact error <= alpha."""
    ms = [6, 12, 18, 24]
    looks = [Look(p, m, 0) for p, m in zip([25, 50, 75, 100], ms)]
    crits = critical_values(looks, max_pairs=100, alpha=0.05)
    # probability of ever crossing, by dynamic programming over c (independent of the boundary code path)
    from scipy.stats import binom

    alive = {0: 1.0}
    prev, reject = 0, 0.0
    for m, crit in zip(ms, crits):
        step = m - prev
        nxt: dict[int, float] = {}
        for c, p in alive.items():
            for k in range(step + 1):
                nxt[c + k] = nxt.get(c + k, 0.0) + p * binom.pmf(k, step, 0.5)
        alive = {}
        for c, p in nxt.items():
            if crit is not None and abs(2 * c - m) >= crit:
                reject += p
            else:
                alive[c] = p
        prev = m
    assert reject <= 0.05 + 1e-12
    assert reject > 0.02


def test_decisions():
    strong = [Look(100, 2, 30, 10)]
    d = decide_contrast("x", strong, max_pairs=100, alpha=0.05)
    assert d.status == "effect" and d.statistic == 28
    flat = [Look(400, 10, 10, 40)]
    d = decide_contrast("x", flat, max_pairs=1000, alpha=0.05, min_effect=0.05)
    assert d.status == "no_effect" and d.ci[0] > -0.05 and d.ci[1] < 0.05
    early = [Look(20, 2, 3, 2)]
    assert decide_contrast("x", early, max_pairs=1000, alpha=0.05).status == "continue"
    assert decide_contrast("x", early, max_pairs=1000, alpha=0.05, final=True).status == "inconclusive"
    with pytest.raises(ValueError):
        critical_values([Look(10, 5, 5), Look(20, 2, 2)], max_pairs=30, alpha=0.05)


def test_history_round_trip_and_family_fixed_at_first_look():
    h = SequentialHistory(alpha=0.05, max_pairs=200)
    r1 = decide_round(h, {"a": Look(40, 3, 5), "b": Look(40, 4, 4)})
    assert not r1.done and h.contrasts == ["a", "b"]
    restored = SequentialHistory.from_dict(json.loads(json.dumps(h.to_dict())))
    r2 = decide_round(restored, {"a": Look(200, 10, 40, 20)}, final=True)
    assert r2.done
    by = {d.contrast: d for d in r2.decisions}
    assert by["a"].status == "effect" and by["a"].alpha == pytest.approx(0.025)  # Bonferroni over K = 2
    assert by["b"].status == "inconclusive" and restored.looks["b"][-1] == Look(40, 4, 4)


def test_monitor_run_on_a_synthetic_run(tmp_path):
    run = write_run(tmp_path / "run", scripted_code_effect(10))
    observations = __import__("redline.stats.observations", fromlist=["x"]).load_observations(run.load())
    looks = current_looks(observations.observations)
    assert looks == {"code/vulnerable/tibet-ics": Look(10, 0, 8, 1)}
    decision = monitor_run(run.load(), SequentialHistory(alpha=0.05, max_pairs=10), final=True)
    assert decision.done and decision.decisions[0].status == "effect"
    assert max_pairs_for(1000, 8) == 125
