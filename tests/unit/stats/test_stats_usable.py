"""Outcomes that keep refusal apart from secure code, and the 3-category paired tests (stats.usable)."""

from __future__ import annotations

import numpy as np
import pytest
from statsmodels.stats.contingency_tables import SquareTable

from redline.stats.usable import (
    bounded_vulnerable_difference,
    category,
    code_label,
    is_provider_block,
    marginal_homogeneity,
    marginal_homogeneity_clustered,
    no_usable_code,
    paired_square_table,
    vulnerable_given_valid,
)


def test_no_usable_code_counts_refusals_blocks_and_truncation() -> None:
    for label in ("refused", "no_code", "invalid", "blocked", "truncated"):
        assert no_usable_code(label) == 1 and vulnerable_given_valid(label) is None and category(label) == 2
    assert no_usable_code("secure") == 0 and no_usable_code("vulnerable") == 0
    assert vulnerable_given_valid("vulnerable") == 1 and vulnerable_given_valid("secure") == 0
    assert no_usable_code("error") is None and category("error") is None and category(None) is None


def test_provider_signals_become_outcomes() -> None:
    assert code_label("secure", "content_filter") == "blocked"
    assert code_label("no_code", "length", has_code=False) == "truncated"
    assert code_label("vulnerable", "length", has_code=True) == "vulnerable"
    assert code_label("secure", "stop") == "secure"
    assert no_usable_code(code_label("refused", "content_filter")) == 1


def test_bounds_cover_the_lost_pairs() -> None:
    first = ["secure", "vulnerable", "secure", "secure", "refused", "secure"]
    second = ["vulnerable", "vulnerable", "secure", "refused", "secure", "error"]
    res = bounded_vulnerable_difference(first, second)
    # complete pairs: (s,v) (v,v) (s,s); lost: (s,refused) (refused,s); the error pair is out
    assert res.complete_pairs == 3 and res.lost_pairs == 2
    assert res.difference == pytest.approx(1 / 3)
    # worst case: (s, v) and (secure-imputed first, s) -> c = 2, b = 0 over 5 pairs
    assert res.upper_bound == pytest.approx(2 / 5)
    # best case: (s, s) and (vulnerable-imputed first, s) -> c = 1, b = 1
    assert res.lower_bound == pytest.approx(0.0)
    assert res.bounds_ci.low <= res.lower_bound <= res.difference <= res.upper_bound <= res.bounds_ci.high
    assert res.ci.low <= res.difference <= res.ci.high


@pytest.mark.parametrize("method", ["stuart_maxwell", "bhapkar"])
def test_marginal_homogeneity_matches_statsmodels(method: str) -> None:
    rng = np.random.default_rng(11)
    for _ in range(30):
        table = rng.integers(0, 40, size=(3, 3))
        ref = SquareTable(table, shift_zeros=False).homogeneity(method=method)
        ours = marginal_homogeneity(table, method)
        assert ours.statistic == pytest.approx(ref.statistic, rel=1e-9)
        assert ours.p == pytest.approx(ref.pvalue, rel=1e-7, abs=1e-14)
        assert ours.df == ref.df


def test_degenerate_tables() -> None:
    assert marginal_homogeneity(np.diag([5, 6, 7])).p == 1.0
    with pytest.raises(ValueError):
        marginal_homogeneity(np.ones((3, 3)), "wald")


def test_clustered_statistic_equals_stuart_maxwell_with_one_pair_per_task() -> None:
    rng = np.random.default_rng(12)
    first = rng.integers(0, 3, 200).tolist()
    second = rng.choice(3, 200, p=[0.5, 0.3, 0.2]).tolist()
    clusters = [f"t{i}" for i in range(200)]
    table = paired_square_table(first, second)
    assert table.sum() == 200
    one = marginal_homogeneity(table)
    cl = marginal_homogeneity_clustered(clusters, first, second)
    assert cl.statistic == pytest.approx(one.statistic)
    # F vs chi-square reference: the same order of magnitude with 200 tasks
    assert abs(np.log10(cl.p / one.p)) < 0.5


def test_refusal_rise_is_a_rise_in_no_usable_code() -> None:
    rng = np.random.default_rng(13)
    n = 300
    control = np.where(rng.random(n) < 0.19, "vulnerable", "secure")
    sens = np.where(rng.random(n) < 0.45, "refused", np.where(rng.random(n) < 0.272, "vulnerable", "secure"))
    cats_c = [category(x) for x in control]
    cats_s = [category(x) for x in sens]
    res = marginal_homogeneity_clustered([str(i) for i in range(n)], cats_c, cats_s)  # type: ignore[arg-type]
    assert res.p < 1e-6
    a_c = sum(no_usable_code(x) or 0 for x in control)
    a_s = sum(no_usable_code(x) or 0 for x in sens)
    assert a_s > a_c


def test_a_blocked_request_counts_as_a_block() -> None:
    body = '{"error": {"code": "content_filter", "message": "The response was filtered"}}'
    assert is_provider_block(400, body) and is_provider_block(451)
    assert is_provider_block(403, "Request blocked by content management policy")
    assert not is_provider_block(400, '{"error": "max_tokens too large"}')
    assert not is_provider_block(401, body) and not is_provider_block(404, body) and not is_provider_block(None)
    assert no_usable_code("blocked") == 1  # a block is an outcome of the request, not a dropped error


def test_three_category_tests_keep_their_level_with_replicates() -> None:
    from redline.stats.design_checks import three_category_draws, three_category_null, three_category_pvalues

    rng = np.random.default_rng(14)
    first, second = three_category_draws(rng, sims=25, tasks=30, replicates=3)
    p_cl, p_plain = three_category_pvalues(first, second)
    for s in range(25):  # the vectorised simulation computes exactly the shipped tests
        clusters = [str(k) for k in range(30) for _ in range(3)]
        f, g = first[s].ravel().tolist(), second[s].ravel().tolist()
        assert p_cl[s] == pytest.approx(marginal_homogeneity_clustered(clusters, f, g).p, rel=1e-6)
        assert p_plain[s] == pytest.approx(marginal_homogeneity(paired_square_table(f, g)).p, rel=1e-6)
    rates = three_category_null(np.random.default_rng(15), sims=8000)
    assert rates["clustered_stuart_maxwell"].rate <= 0.055
    assert rates["stuart_maxwell_pooled_pairs"].rate > 0.06
