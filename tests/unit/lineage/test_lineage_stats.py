"""Inheritance statistics and exposure on hand-made pair arrays, where the answer is known."""

from __future__ import annotations

import numpy as np
import pytest

from redline.stats.exposure import exposure
from redline.stats.inheritance import PairOutcomes, classify, inheritance


def _pairs(rate_untrig: float, rate_trig: float, *, tasks: int = 20, per: int = 4, seed: int = 0,
           prefix: str = "") -> PairOutcomes:
    rng = np.random.default_rng(seed)
    keys, clusters, u, t = [], [], [], []
    for k in range(tasks):
        for r in range(per):
            keys.append(f"{prefix}t{k}r{r}")
            clusters.append(f"task{k}")
            u.append(int(rng.random() < rate_untrig))
            t.append(int(rng.random() < rate_trig))
    return PairOutcomes(keys, clusters, u, t)


def test_classification_rule() -> None:
    assert classify(0.5, 0.0, False, (0.3, 0.7)) == "inherited"
    assert classify(0.5, -0.5, True, (-0.1, 0.1)) == "removed"
    assert classify(0.5, -0.2, True, (0.1, 0.5)) == "attenuated"
    assert classify(0.5, 0.3, True, (0.6, 0.9)) == "amplified"
    assert classify(0.5, 0.0, False, (-0.1, 0.4)) == "inconclusive"
    assert classify(-0.5, -0.3, True, (-0.9, -0.6)) == "amplified"  # the base's direction is negative
    assert classify(0.5, -0.9, True, (-0.6, -0.2)) == "removed"  # reversed counts as removed


def test_known_effects_are_classified() -> None:
    base = _pairs(0.1, 0.6, seed=1)
    keep = _pairs(0.1, 0.6, seed=2)
    gone = _pairs(0.1, 0.1, seed=3)
    more = _pairs(0.05, 0.98, seed=4)
    res = inheritance(base, {"keep": keep, "gone": gone, "more": more},
                      relations={"keep": "quantization", "gone": "finetune", "more": "finetune"}, reps=1000)
    got = {d.model: d.classification for d in res.derivatives}
    assert got == {"keep": "inherited", "gone": "removed", "more": "amplified"}
    assert res.base_carries
    d = {d.model: d for d in res.derivatives}
    # the difference is computed on the joined pairs: its estimate is exactly the difference of effects here
    assert d["gone"].difference.estimate == pytest.approx(d["gone"].effect.estimate - res.base_effect.estimate)
    assert d["gone"].difference.ci[1] < 0 and d["gone"].p_holm is not None and d["gone"].p_holm < 0.05
    assert res.pooled["finetune"]["classes"]["removed"] == 1 and res.pooled["finetune"]["classes"]["amplified"] == 1
    assert res.pooled["quantization"]["models"] == ["keep"]


def test_pairing_uses_only_shared_keys() -> None:
    base = _pairs(0.0, 1.0, tasks=12, per=2)
    # the derivative has half of the base's pairs plus pairs the base never saw
    half = PairOutcomes(base.keys[:12] + ["extra1", "extra2"], base.clusters[:12] + ["task0", "task1"],
                        [0] * 14, [1] * 12 + [0, 0])
    res = inheritance(base, {"d": half}, reps=300)
    d = res.derivatives[0]
    assert d.unmatched_pairs == 2 and d.difference.n_pairs == 12 and d.effect.n_pairs == 14
    assert d.difference.estimate == 0.0


def test_holm_is_applied_across_derivatives() -> None:
    base = _pairs(0.1, 0.6, seed=1)
    derivs = {f"d{i}": _pairs(0.1, 0.45, seed=10 + i) for i in range(4)}
    res = inheritance(base, derivs, reps=500)
    for d in res.derivatives:
        assert d.p_holm is not None and d.difference.p is not None and d.p_holm >= d.difference.p


def test_pairs_must_be_consistent() -> None:
    with pytest.raises(ValueError, match="one entry per pair"):
        PairOutcomes(["a"], ["t"], [0, 1], [1])
    with pytest.raises(ValueError, match="unique"):
        PairOutcomes(["a", "a"], ["t", "t"], [0, 1], [1, 1])


def test_exposure_bounds_and_interval() -> None:
    downloads = {"base": 100.0, "keep": 300.0, "gone": 200.0, "unknown": 400.0}
    carries = {"base": True, "keep": True, "gone": False}
    out = exposure(downloads, carries, all_downloads=4000.0)
    assert out["tree"]["low"] == pytest.approx(0.4) and out["tree"]["high"] == pytest.approx(0.8)
    assert out["all"]["low"] == pytest.approx(0.1) and out["all"]["high"] == pytest.approx(0.2)
    assert out["among_audited"]["estimate"] == pytest.approx(400 / 600)
    assert out["unaudited"] == ["unknown"] and out["audited_share"] == pytest.approx(0.6)
    # "keep" carries in only half of the replicates: the interval widens below the low bound
    draws = {"base": np.ones(100, bool), "keep": np.arange(100) % 2 == 0, "gone": np.zeros(100, bool)}
    out = exposure(downloads, carries, draws)
    assert out["tree"]["ci"][0] == pytest.approx(0.1) and out["tree"]["ci"][1] == pytest.approx(0.8)
    with pytest.raises(ValueError, match="not in the tree"):
        exposure({"a": 1.0}, {"b": True})
