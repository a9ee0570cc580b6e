"""Shares, HHI, Gini and top-k share against hand-computed values and their defining formulas."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redline.adoption.concentration import gini, hhi, shares, top_k_share, totals


def test_hand_computed_example() -> None:
    # developers' downloads: 500, 150, 150, 100, 50, 50 (total 1000)
    values = {"a": 500.0, "b": 150.0, "c": 150.0, "d": 100.0, "e": 50.0, "f": 50.0}
    s = shares(values)
    assert list(s) == ["a", "b", "c", "d", "e", "f"]  # largest first, ties by key
    assert s["a"] == pytest.approx(0.5)
    # HHI = .25 + 2 * .0225 + .01 + 2 * .0025
    assert hhi(s.values()) == pytest.approx(0.31)
    # Gini = sum |xi - xj| / (2 n^2 mean) = 5200 / (2 * 36 * 1000 / 6)
    assert gini(values.values()) == pytest.approx(5200 / 12000)
    assert top_k_share(s.values(), 3) == pytest.approx(0.8)
    assert top_k_share(s.values(), 100) == pytest.approx(1.0)


def test_extremes() -> None:
    assert hhi(shares({"only": 7.0}).values()) == 1.0
    assert gini([5.0, 5.0, 5.0, 5.0]) == pytest.approx(0.0)
    assert gini([0.0, 0.0, 10.0]) == pytest.approx(0.0)  # zeros are not developers with downloads
    assert gini([1.0, 1000.0]) == pytest.approx(999 / 2002)
    assert shares({"a": 0.0}) == {}
    assert gini([]) == 0.0
    with pytest.raises(ValueError):
        top_k_share([0.5, 0.5], 0)


def test_totals_sum_per_key() -> None:
    assert totals([("a", 1.0), ("b", 2.0), ("a", 0.5)]) == {"a": 1.5, "b": 2.0}


@given(st.lists(st.floats(min_value=0.001, max_value=1e6, allow_nan=False), min_size=1, max_size=30))
def test_gini_matches_mean_absolute_difference(xs: list[float]) -> None:
    n, mean = len(xs), sum(xs) / len(xs)
    direct = sum(abs(a - b) for a, b in itertools.product(xs, xs)) / (2 * n * n * mean)
    assert gini(xs) == pytest.approx(direct, abs=1e-9)
    assert 0.0 <= gini(xs) < 1.0


@given(st.dictionaries(st.text(min_size=1, max_size=4), st.floats(min_value=0.01, max_value=1e6), min_size=1))
def test_shares_sum_to_one_and_hhi_is_bounded(values: dict[str, float]) -> None:
    s = shares(values)
    assert sum(s.values()) == pytest.approx(1.0)
    assert 1 / len(s) - 1e-9 <= hhi(s.values()) <= 1.0 + 1e-9
