"""The paired risk-ratio interval contains its own estimate, including tables (k, 0, 0, k)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from redline.stats.intervals import risk_ratio_paired


def test_perfectly_concordant_tables_keep_the_estimate() -> None:
    for k in range(1, 200):
        rr, iv = risk_ratio_paired(k, 0, 0, k)
        assert rr == 1.0
        assert iv.low <= 1.0 <= iv.high, k


@settings(max_examples=400, deadline=None)
@given(st.integers(0, 60), st.integers(0, 60), st.integers(0, 60), st.integers(0, 60),
       st.sampled_from([0.01, 0.05, 0.1]))
def test_interval_contains_the_estimate(a: int, b: int, c: int, d: int, alpha: float) -> None:
    rr, iv = risk_ratio_paired(a, b, c, d, alpha)
    assert iv.low <= iv.high
    assert iv.low >= 0
    if math.isfinite(rr):
        assert iv.low <= rr * (1 + 1e-12) and rr <= iv.high * (1 + 1e-12), (a, b, c, d, rr, iv)
