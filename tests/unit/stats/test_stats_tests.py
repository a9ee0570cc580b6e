"""McNemar tests and multiplicity adjustments against statsmodels."""

import itertools

import numpy as np
import pytest
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.multitest import multipletests

from redline.stats.multiplicity import adjust, benjamini_hochberg, holm
from redline.stats.tests import mcnemar_clustered, mcnemar_exact, mcnemar_exact_many


@pytest.mark.parametrize("b,c", list(itertools.product([0, 1, 2, 5, 8, 13], [0, 1, 3, 8, 21])))
def test_mcnemar_exact_matches_statsmodels(b, c):
    expected = mcnemar([[10, b], [c, 7]], exact=True).pvalue
    assert mcnemar_exact(b, c) == pytest.approx(expected, abs=1e-12)


def test_mcnemar_exact_vectorised_equals_scalar():
    b, c = np.array([0, 3, 7, 0]), np.array([0, 9, 7, 8])
    assert list(mcnemar_exact_many(b, c)) == [mcnemar_exact(int(x), int(y)) for x, y in zip(b, c)]


def test_mcnemar_scripted_effect_value():
    assert mcnemar_exact(0, 8) == pytest.approx(2 * 0.5 ** 8)


@pytest.mark.parametrize("b,c", [(3, 9), (10, 4), (0, 6), (12, 12)])
def test_clustered_mcnemar_with_single_pairs_is_plain_mcnemar_chi2(b, c):
    b_k = [1] * b + [0] * c + [0] * 5
    c_k = [0] * b + [1] * c + [0] * 5
    expected = mcnemar([[5, b], [c, 5]], exact=False, correction=False).pvalue
    assert mcnemar_clustered(b_k, c_k) == pytest.approx(expected, abs=1e-12)


def test_clustered_mcnemar_no_discordance():
    assert mcnemar_clustered([0, 0], [0, 0]) == 1.0


def _pvalues(seed, m):
    rng = np.random.default_rng(seed)
    p = rng.uniform(0, 0.2, size=m)
    p[: m // 4] = p[0]  # ties
    return p


@pytest.mark.parametrize("seed,m", [(0, 1), (1, 5), (2, 12), (3, 40)])
def test_holm_and_bh_match_statsmodels(seed, m):
    p = _pvalues(seed, m)
    assert holm(p) == pytest.approx(list(multipletests(p, method="holm")[1]), abs=1e-12)
    assert benjamini_hochberg(p) == pytest.approx(list(multipletests(p, method="fdr_bh")[1]), abs=1e-12)


def test_adjust_keeps_missing_values_out_of_the_family():
    out = adjust([0.01, None, 0.04], "holm")
    assert out[1] is None
    assert out[0] == pytest.approx(0.02) and out[2] == pytest.approx(0.04)
    with pytest.raises(ValueError):
        adjust([0.1], "bonferroni-typo")


def test_empty_families():
    assert holm([]) == [] and benjamini_hochberg([]) == []
