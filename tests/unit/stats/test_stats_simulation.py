"""Simulations (vectorised, seeded): error rates stay at alpha, effects are found, plans reach their power.

Tolerances are three Monte Carlo standard errors; the figures in docs/statistics.md come from the same
functions with more simulations (python -m redline.stats.simulate).
"""

import numpy as np
import pytest

from redline.stats.compute import apply_families, is_confirmatory
from redline.stats.contrasts import condition_contrasts
from redline.stats.observations import Observation
from redline.stats.plan import plan_sample_size
from redline.stats.simulate import (
    bootstrap_coverage,
    clustered_null,
    holm_familywise_error,
    mcnemar_rejection_rate,
    sequential_rates,
    two_group_null,
    unpaired_power,
)

ALPHA = 0.05


def rng(seed):
    return np.random.default_rng(seed)


def test_exact_mcnemar_false_positive_rate_at_most_alpha():
    for n, corr in ((30, 0.0), (100, 0.3), (400, 0.5)):
        r = mcnemar_rejection_rate(rng(n), n=n, p0=0.19, p1=0.19, corr=corr, sims=20_000)
        assert r.rate <= ALPHA + 3 * r.se
        assert r.rate > 0.01  # conservative but not useless


def test_injected_paired_effect_is_detected():
    r = mcnemar_rejection_rate(rng(1), n=200, p0=0.19, p1=0.35, corr=0.3, sims=5000)
    assert r.rate > 0.95


def test_holm_controls_familywise_error_across_seven_conditions():
    r = holm_familywise_error(rng(2), conditions=7, n=120, sims=2000)
    assert r.rate <= ALPHA + 3 * r.se


def test_clustered_test_keeps_alpha_where_exact_mcnemar_does_not():
    rates = clustered_null(rng(3), clusters=40, replicates=5, heterogeneity=0.5, sims=1500)
    exact, clustered = rates["exact_mcnemar"], rates["clustered_mcnemar"]
    assert clustered.rate <= ALPHA + 3 * clustered.se
    assert exact.rate > ALPHA + 3 * exact.se  # replicates of one task are not independent pairs


def test_cluster_bootstrap_interval_coverage():
    r = bootstrap_coverage(rng(4), clusters=30, replicates=4, sims=300, reps=600)["reported"]
    assert r.rate >= 0.95 - 3 * r.se


def test_topic_comparison_interval_and_permutation_test_under_the_null():
    res = two_group_null(rng(12), sims=300, reps=400)
    assert res["coverage"].rate >= 0.95 - 3 * res["coverage"].se
    t1 = res["permutation_type1"]
    assert t1.rate <= ALPHA + 3 * t1.se


@pytest.mark.parametrize("conditions,corr", [(7, 0.0), (7, 0.3), (1, 0.5)])
def test_paired_plan_reaches_requested_power(conditions, corr):
    plan = plan_sample_size(0.19, 0.272, conditions=conditions, power=0.8, alpha=ALPHA, paired_correlation=corr)
    r = mcnemar_rejection_rate(rng(5), n=plan.pairs_per_condition, p0=0.19, p1=0.272, corr=corr,
                               alpha=plan.alpha_per_contrast, sims=8000)
    assert r.rate >= 0.8 - 3 * r.se
    assert abs(r.rate - plan.paired_power) < 4 * r.se  # the exact power calculation agrees with simulation
    fewer = mcnemar_rejection_rate(rng(6), n=int(plan.pairs_per_condition * 0.8), p0=0.19, p1=0.272, corr=corr,
                                   alpha=plan.alpha_per_contrast, sims=8000)
    assert fewer.rate < 0.8  # the plan is not padded


def test_unpaired_plan_reaches_requested_power():
    plan = plan_sample_size(0.19, 0.272, conditions=7, power=0.8, alpha=ALPHA)
    r = unpaired_power(rng(7), n=plan.unpaired_per_condition, p0=0.19, p1=0.272, alpha=plan.alpha_per_contrast,
                       sims=8000)
    assert r.rate >= 0.8 - 3 * r.se


def test_sequential_rule_keeps_type_one_error_under_repeated_looks():
    res = sequential_rates(rng(8), p0=0.19, p1=0.19, corr=0.3, max_pairs=300, looks=5, sims=3000)
    seq, naive = res["sequential"], res["naive_every_look"]
    assert seq.rate <= ALPHA + 3 * seq.se
    assert naive.rate > ALPHA + 3 * naive.se  # what the spending rule protects against


def test_sequential_rule_power_and_savings():
    plan = plan_sample_size(0.19, 0.272, conditions=1, power=0.8, alpha=ALPHA)
    res = sequential_rates(rng(9), p0=0.19, p1=0.272, max_pairs=plan.pairs_per_condition, looks=5, sims=1500)
    seq = res["sequential"]
    assert seq.rate >= plan.paired_power - 0.06  # O'Brien-Fleming spending costs little power
    assert res["mean_pairs"] < 0.9 * plan.pairs_per_condition  # and stops early on average


def _null_audit(g, conditions=7, tasks=40):
    obs = []
    for i in range(tasks):
        hard = g.random() < 0.3
        for j, cond in enumerate(["baseline", *[f"c{k}" for k in range(conditions)]]):
            vuln = g.random() < (0.6 if hard else 0.1)  # same distribution with and without a trigger
            obs.append(Observation(trial_id=f"{i}-{j}", pair_key=f"p{i}", suite="s", case_id=f"t{i}",
                                   condition_id=cond, condition_group="baseline" if j == 0 else "sensitive",
                                   replicate=0, kind="code", language="en", topic="", topic_group="",
                                   parallel_id="", category="", status="ok",
                                   label="vulnerable" if vuln else "secure"))
    return obs


def test_pipeline_false_positive_rate_over_simulated_null_audits():
    """Whole contrast pipeline (pairing, McNemar, Holm) on simulated audits with no trigger effect."""
    g = rng(10)
    sims, false_claims = 150, 0
    for _ in range(sims):
        contrasts = [c for c in condition_contrasts(_null_audit(g), alpha=ALPHA, seed=0, reps=10)
                     if c.outcome == "vulnerable"]
        confirmatory, _ = apply_families([c for c in contrasts if is_confirmatory(c)], [], ALPHA)
        false_claims += any(c.significant for c in confirmatory)
    rate = false_claims / sims
    assert rate <= ALPHA + 3 * np.sqrt(ALPHA * (1 - ALPHA) / sims)
