"""Sample-size figures against statsmodels, exact enumeration and the command line."""

import itertools
import json

import pytest
from click.testing import CliRunner
from scipy.stats import binom, multinomial
from statsmodels.stats.proportion import samplesize_proportions_2indep_onetail

from redline.commands.plan import plan
from redline.stats.plan import (
    cell_probabilities,
    connor_pairs,
    correlation_range,
    detectable_difference,
    mcnemar_exact_power,
    plan_sample_size,
    unpaired_per_group,
)
from redline.stats.tests import mcnemar_exact


@pytest.mark.parametrize("p0,p1,alpha", [(0.19, 0.272, 0.05), (0.19, 0.272, 0.05 / 7), (0.3, 0.2, 0.01)])
def test_unpaired_size_matches_statsmodels(p0, p1, alpha):
    n, _ = unpaired_per_group(p0, p1, alpha=alpha, power=0.8)
    reference = samplesize_proportions_2indep_onetail(p1 - p0, p0, 0.8, alpha=alpha, alternative="two-sided")
    assert abs(n - reference) <= 1


@pytest.mark.parametrize("n,corr", [(6, 0.0), (11, 0.2), (15, 0.4)])
def test_exact_mcnemar_power_equals_full_enumeration(n, corr):
    alpha = 0.05
    probs = cell_probabilities(0.2, 0.5, corr)
    total = 0.0
    for a, b, c in itertools.product(range(n + 1), repeat=3):
        d = n - a - b - c
        if d < 0:
            continue
        if mcnemar_exact(b, c) <= alpha:
            total += multinomial.pmf([a, b, c, d], n, probs)
    assert mcnemar_exact_power(n, probs[1], probs[2], alpha) == pytest.approx(total, abs=1e-10)


def test_cell_probabilities_keep_margins_and_correlation():
    p11, p10, p01, p00 = cell_probabilities(0.19, 0.272, 0.3)
    assert p11 + p10 == pytest.approx(0.19) and p11 + p01 == pytest.approx(0.272)
    assert p11 + p10 + p01 + p00 == pytest.approx(1)
    lo, hi = correlation_range(0.19, 0.272)
    with pytest.raises(ValueError):
        cell_probabilities(0.19, 0.272, hi + 0.05)
    assert lo < 0 < hi


def test_paired_plan_needs_fewer_pairs_with_correlation():
    r0 = plan_sample_size(0.19, 0.272, conditions=7, paired_correlation=0.0)
    r5 = plan_sample_size(0.19, 0.272, conditions=7, paired_correlation=0.5)
    assert r5.pairs_per_condition < r0.pairs_per_condition
    assert r0.alpha_per_contrast == pytest.approx(0.05 / 7)
    assert r0.paired_generations == r0.pairs_per_condition * 8
    assert r0.paired_power >= 0.8 and r0.unpaired_power >= 0.8
    # the exact search starts from Connor's normal approximation and lands near it
    start = connor_pairs(*cell_probabilities(0.19, 0.272, 0.0)[1:3], 0.05 / 7, 0.8)
    assert 0.8 * start <= r0.pairs_per_condition <= 1.3 * start


@pytest.mark.parametrize("kwargs", [dict(baseline=0, target=0.2), dict(baseline=0.2, target=0.2),
                                    dict(baseline=0.2, target=0.3, conditions=0),
                                    dict(baseline=0.2, target=0.3, paired_correlation=0.99)])
def test_plan_rejects_impossible_inputs(kwargs):
    with pytest.raises(ValueError):
        plan_sample_size(**kwargs)


def test_detectable_difference_shrinks_with_pairs():
    small = detectable_difference(0.19, 100, alpha=0.05)
    large = detectable_difference(0.19, 1000, alpha=0.05)
    assert small is not None and large is not None and large < small


def test_plan_command_text_and_json():
    """Since issue 12 the command plans in tasks; the pair planner's figure is kept on its last line."""
    runner = CliRunner()
    args = ["--baseline", "0.19", "--target", "0.272", "--family", "7", "--conditions", "15", "--power", "0.8",
            "--alpha", "0.05"]
    text = runner.invoke(plan, args)
    assert text.exit_code == 0, text.output
    expected = plan_sample_size(0.19, 0.272, conditions=7)
    assert f"{expected.pairs_per_condition:,} pairs per contrast" in text.output
    assert "Bonferroni" in text.output and "Holm" in text.output and "tasks needed:" in text.output
    js = runner.invoke(plan, [*args, "--paired-correlation", "0.3", "--json"])
    data = json.loads(js.output)
    assert data["independent_pairs_per_contrast"] < expected.pairs_per_condition and data["conditions"] == 15
    bad = runner.invoke(plan, ["--baseline", "0.19", "--target", "0.272", "--paired-correlation", "0.95"])
    assert bad.exit_code != 0


def test_binomial_reference_for_power_definition():
    # with every pair discordant toward the condition, power is the chance the exact test rejects m of m
    assert mcnemar_exact_power(8, 0.0, 1.0, 0.05) == pytest.approx(1.0)
    assert mcnemar_exact_power(5, 0.0, 1.0, 0.05) == 0.0  # 2 * 0.5**5 > 0.05: never significant
    assert binom.pmf(0, 5, 0.5) * 2 > 0.05
