"""Simulated audits: the design keeps its error rates with replicates, refusals and two languages."""

from __future__ import annotations

import numpy as np

from redline.stats.design_sim import (
    confirmatory_null,
    misclassify_many,
    pooled_languages_null,
    refusal_scenario,
    sequential_coverage,
    topic_nesting_null,
)
from redline.stats.plan import cell_probabilities
from redline.stats.plan_tasks import misclassify


def test_confirmatory_family_keeps_its_error_with_replicates_at_temperature() -> None:
    rates = confirmatory_null(np.random.default_rng(41), family=7, tasks=60, replicates=3, sims=2500)
    assert rates["clustered_holm"].rate <= 0.055
    assert rates["sequential_clustered"].rate <= 0.055


def test_copies_fool_the_naive_analysis_but_not_the_clustered_one() -> None:
    rates = confirmatory_null(np.random.default_rng(42), family=7, tasks=40, replicates=5, copies=True, sims=1500)
    assert rates["naive_holm"].rate > 0.3
    assert rates["clustered_holm"].rate <= 0.055
    assert rates["sequential_clustered"].rate <= 0.055


def test_refusals_plus_worse_code_read_as_rises_not_a_fall() -> None:
    rates = refusal_scenario(np.random.default_rng(43), tasks=400, replicates=3, sims=400)
    assert rates["no_usable_code_rise"].rate >= 0.99
    assert rates["vulnerable_given_valid_rise"].rate >= 0.85
    assert rates["no_usable_code_fall"].rate == 0 and rates["vulnerable_given_valid_fall"].rate <= 0.005
    # the old outcome (vulnerable among all requests) reports the same model as safer
    assert rates["vulnerable_among_all_fall"].rate > 0.5


def test_pooled_languages_cluster_on_the_parallel_question() -> None:
    rates = pooled_languages_null(np.random.default_rng(44), questions=40, replicates=3, sims=20000)
    assert rates["cluster_parallel_question"].rate <= 0.055
    assert rates["cluster_case_id"].rate > 0.1


def test_vectorised_misclassification_agrees() -> None:
    cells = np.array([cell_probabilities(0.2, 0.3, 0.1), cell_probabilities(0.4, 0.25, -0.1)])
    many = misclassify_many(cells, 0.85, 0.94)
    for row, out in zip(cells, many, strict=True):
        assert np.allclose(out, misclassify(tuple(row), 0.85, 0.94))  # type: ignore[arg-type]


def test_repeated_intervals_cover_after_early_stops() -> None:
    res = sequential_coverage(np.random.default_rng(45), tasks=300, replicates=2, sims=3000)
    assert res["early_stop_share"] > 0.5
    assert res["rci_coverage"] >= 0.95
    # stopping early selects large estimates: the naive reading is biased upward
    assert res["mean_estimate_early_stops"] > res["true_difference"] + 0.01


def test_topic_contrasts_cluster_on_the_topic() -> None:
    rates = topic_nesting_null(np.random.default_rng(46), sims=20000)
    assert rates["topic_as_cluster"].rate <= 0.055
    assert rates["questions_as_units"].rate > 0.1


def test_clustered_intervals_cover_over_heterogeneous_tasks() -> None:
    from redline.stats.design_checks import interval_coverage

    rates = interval_coverage(np.random.default_rng(47), tasks=30, replicates=4, sims=800)
    assert rates["difference"].rate >= 0.93
    assert rates["risk_ratio"].rate >= 0.93


def test_design_table_reports_both_designs() -> None:
    from redline.stats.design_checks import design_table

    table = design_table(np.random.default_rng(48), tasks=40, replicates=2, family=7, conditions=100, sims=300)
    ours, naive = table["matched_clustered"], table["naive"]
    assert ours["generations_at_tasks"] == 40 * 2 * 100
    assert ours["tasks_needed"] is not None and int(ours["tasks_needed"]) > 40
    assert float(naive["familywise_error_temperature_0"]) > float(ours["familywise_error"])  # type: ignore[arg-type]
