"""Intervals against statsmodels and textbook values."""

import itertools
import math

import pytest
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

from redline.stats.intervals import (
    Interval,
    mover_difference,
    newcombe_paired,
    newcombe_unpaired,
    paired_phi,
    risk_ratio_paired,
    risk_ratio_unpaired,
    wilson,
)


@pytest.mark.parametrize("x,n", [(0, 10), (1, 10), (5, 10), (10, 10), (19, 100), (272, 1000), (3, 7), (0, 1)])
@pytest.mark.parametrize("alpha", [0.05, 0.01, 0.1])
def test_wilson_matches_statsmodels(x, n, alpha):
    low, high = proportion_confint(x, n, alpha=alpha, method="wilson")
    iv = wilson(x, n, alpha)
    assert iv.low == pytest.approx(low, abs=1e-12)
    assert iv.high == pytest.approx(high, abs=1e-12)


def test_wilson_empty_sample_is_uninformative():
    assert wilson(0, 0) == Interval(0.0, 1.0)


@pytest.mark.parametrize("x1,n1,x2,n2", [(8, 20, 3, 25), (0, 15, 4, 15), (15, 15, 10, 15), (56, 70, 48, 80),
                                         (9, 10, 3, 10), (1, 30, 0, 30)])
def test_newcombe_unpaired_matches_statsmodels(x1, n1, x2, n2):
    low, high = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff")
    iv = newcombe_unpaired(x1, n1, x2, n2)
    assert iv.low == pytest.approx(low, abs=1e-10)
    assert iv.high == pytest.approx(high, abs=1e-10)


def test_newcombe_paired_textbook_example():
    # Fagerland, Lydersen & Laake (2017), Table 8.x: Cavo et al. (2012), 59/6/16/80;
    # first-minus-second -0.0621 (95% CI -0.1186 to -0.0046). Ours is second minus first.
    iv = newcombe_paired(59, 6, 16, 80)
    assert (16 - 6) / 161 == pytest.approx(0.0621, abs=5e-5)
    assert iv.low == pytest.approx(0.0046, abs=5e-5)
    assert iv.high == pytest.approx(0.1186, abs=5e-5)


@pytest.mark.parametrize("a,b,c,d", [(1, 2, 3, 6), (2, 4, 1, 2), (3, 1, 2, 1), (5, 0, 5, 0), (0, 0, 8, 2)])
def test_newcombe_paired_without_correlation_equals_unpaired(a, b, c, d):
    """With the (corrected) phi at 0, the paired interval is Newcombe's unpaired one on the margins."""
    assert paired_phi(a, b, c, d) == 0.0
    n = a + b + c + d
    low, high = confint_proportions_2indep(a + c, n, a + b, n, method="newcomb", compare="diff")
    iv = newcombe_paired(a, b, c, d)
    assert iv.low == pytest.approx(low, abs=1e-10)
    assert iv.high == pytest.approx(high, abs=1e-10)


def test_newcombe_paired_narrower_with_positive_correlation():
    # strong concordance: the paired interval must be narrower than the unpaired one on the same margins
    paired = newcombe_paired(40, 2, 10, 48)
    unpaired = newcombe_unpaired(50, 100, 42, 100)
    assert paired.high - paired.low < unpaired.high - unpaired.low


@pytest.mark.parametrize("a,b,c,d", list(itertools.product([0, 3], [0, 1, 6], [0, 2, 9], [0, 5])))
def test_newcombe_paired_is_a_valid_interval(a, b, c, d):
    if a + b + c + d == 0:
        return
    iv = newcombe_paired(a, b, c, d)
    diff = (c - b) / (a + b + c + d)
    assert -1 <= iv.low <= diff + 1e-12 <= iv.high + 1e-12 <= 1 + 1e-12


def test_risk_ratio_paired_textbook_example():
    # Same Cavo et al. data: MOVER Wilson score interval for the ratio of paired probabilities,
    # 0.8667 (95% CI 0.7592 to 0.9866); our ratio is second / first, so swap the discordant cells.
    rr, iv = risk_ratio_paired(59, 16, 6, 80)
    assert rr == pytest.approx(0.8667, abs=5e-5)
    assert iv.low == pytest.approx(0.7592, abs=5e-5)
    assert iv.high == pytest.approx(0.9866, abs=5e-5)


def test_risk_ratio_paired_undefined_without_baseline_events():
    rr, iv = risk_ratio_paired(0, 0, 8, 2)
    assert math.isinf(rr) and iv.low == 0 and math.isinf(iv.high)


@pytest.mark.parametrize("x1,n1,x2,n2", [(8, 20, 3, 25), (30, 100, 19, 100), (5, 9, 2, 11)])
def test_risk_ratio_unpaired_matches_statsmodels_log(x1, n1, x2, n2):
    low, high = confint_proportions_2indep(x1, n1, x2, n2, method="log", compare="ratio")
    rr, iv = risk_ratio_unpaired(x1, n1, x2, n2)
    assert rr == pytest.approx((x1 / n1) / (x2 / n2))
    assert iv.low == pytest.approx(low, rel=1e-10)
    assert iv.high == pytest.approx(high, rel=1e-10)


def test_mover_difference_reproduces_newcombe_from_wilson_intervals():
    x1, n1, x2, n2 = 8, 20, 3, 25
    p1, p2 = x1 / n1, x2 / n2
    iv = mover_difference(p1, wilson(x1, n1), p2, wilson(x2, n2))
    ref = newcombe_unpaired(x1, n1, x2, n2)
    assert iv.low == pytest.approx(ref.low) and iv.high == pytest.approx(ref.high)
