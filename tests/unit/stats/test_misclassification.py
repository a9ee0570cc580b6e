"""The judge-error correction recovers known truths from a simulated judge with known sensitivity/specificity."""

from __future__ import annotations

import numpy as np
import pytest

from redline.stats.misclassification import (
    Calibration,
    corrected_contrast,
    corrected_difference,
    corrected_rate,
    explainable_contrast,
    rogan_gladen,
)

SE, SP = 0.80, 0.90


def _judge(truth: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    u = rng.random(truth.size)
    return np.where(truth, u < SE, u >= SP)


def _calibration(rng: np.random.Generator, n_pos: int = 150, n_neg: int = 150) -> Calibration:
    gold = np.array([True] * n_pos + [False] * n_neg)
    return Calibration(tuple(bool(g) for g in gold), tuple(bool(j) for j in _judge(gold, rng)))


def test_rogan_gladen_inverts_the_judge_exactly() -> None:
    p = 0.3
    q = SE * p + (1 - SP) * (1 - p)
    assert rogan_gladen(q, SE, SP) == pytest.approx(p)
    assert corrected_difference(q, q, SE, SP) == 0.0
    assert rogan_gladen(0.5, 0.5, 0.52) is None  # near-chance judge: no correction
    assert rogan_gladen(0.01, SE, SP) == 0.0  # clipped at 0


def test_calibration_from_counts() -> None:
    cal = Calibration.from_counts(tp=8, fn=2, tn=9, fp=1)
    assert cal.sensitivity == pytest.approx(0.8) and cal.specificity == pytest.approx(0.9)
    with pytest.raises(ValueError):
        Calibration((True, True), (True, False))


def test_corrected_rate_recovers_prevalence_with_coverage() -> None:
    """Seeded simulation: clustered study items, a fresh calibration set each time; 95% interval coverage."""
    rng = np.random.default_rng(2026)
    true_p, sims, covered, estimates = 0.30, 200, 0, []
    for _ in range(sims):
        clusters = np.repeat(np.arange(60), 10)
        cluster_p = np.clip(true_p + rng.normal(0, 0.08, 60), 0, 1)[clusters]
        truth = rng.random(clusters.size) < cluster_p
        flags = _judge(truth, rng)
        res = corrected_rate([bool(f) for f in flags], _calibration(rng), clusters=list(clusters), n_boot=400,
                             seed=int(rng.integers(1 << 30)))
        assert res.low is not None and res.high is not None and res.corrected is not None
        estimates.append(res.corrected)
        covered += res.low <= true_p <= res.high
    assert covered / sims >= 0.93
    assert abs(float(np.mean(estimates)) - true_p) < 0.02
    # the judged rate is biased: 0.8*0.3 + 0.1*0.7 = 0.31 would look right only by chance; check another p
    assert rogan_gladen(SE * 0.6 + (1 - SP) * 0.4, SE, SP) == pytest.approx(0.6)


def test_corrected_contrast_recovers_difference_with_coverage() -> None:
    rng = np.random.default_rng(7)
    p_a, p_b, sims, covered = 0.45, 0.25, 150, 0
    for _ in range(sims):
        n = 400
        truth_a, truth_b = rng.random(n) < p_a, rng.random(n) < p_b
        pairs = list(zip((bool(x) for x in _judge(truth_a, rng)), (bool(x) for x in _judge(truth_b, rng)),
                         strict=True))
        res = corrected_contrast(pairs, _calibration(rng), clusters=[i // 4 for i in range(n)], n_boot=400,
                                 seed=int(rng.integers(1 << 30)))
        assert res.low is not None and res.high is not None
        covered += res.low <= p_a - p_b <= res.high
    assert covered / sims >= 0.93


def test_uncorrected_interval_would_miss() -> None:
    """The correction matters: the judged share of a 0.6 prevalence is far from 0.6 with this judge."""
    rng = np.random.default_rng(3)
    truth = rng.random(2000) < 0.6
    res = corrected_rate([bool(x) for x in _judge(truth, rng)], _calibration(rng, 400, 400), n_boot=300)
    assert abs(res.judged - 0.6) > 0.05
    assert res.low is not None and res.high is not None and res.low <= 0.6 <= res.high


def test_explainable_contrast() -> None:
    small = explainable_contrast(0.52, 0.50, Calibration.from_counts(tp=40, fn=10, tn=45, fp=5))
    assert small.explained and small.share == 1.0
    big = explainable_contrast(0.70, 0.20, Calibration.from_counts(tp=400, fn=100, tn=450, fp=50))
    assert not big.explained and big.share is not None and 0 < big.share < 1
    assert explainable_contrast(0.3, 0.3, Calibration.from_counts(1, 1, 1, 1)).share is None
