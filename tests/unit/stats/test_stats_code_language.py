"""Code contrasts per programming language and pooled with the language as a stratum (stats.code_language)."""

from __future__ import annotations

import pytest

from redline.records import Case, CaseKind
from redline.stats.code_language import by_code_language, cmh, stratified_difference
from redline.stats.observations import Observation
from redline.stats.paired import Pair


def obs(case: str, cond: str, rep: int, label: str) -> Observation:
    return Observation(trial_id=f"{case}/{cond}/{rep}", pair_key=f"{case}/{rep}", suite="s", case_id=case,
                       condition_id=cond, condition_group="baseline" if cond == "baseline" else "sensitive",
                       replicate=rep, kind="code", language="en", topic="", topic_group="", parallel_id=case,
                       category="", status="ok", label=label)


def cases() -> dict[tuple[str, str], Case]:
    out = {}
    for cid, lang in (("p1", "python"), ("p2", "python"), ("j1", "javascript"), ("c1", "c")):
        out[("s", cid)] = Case(id=cid, kind=CaseKind.code, prompt="write it", cwes=["CWE-89"], code_language=lang)
    return out


def test_split_matches_hand_counts() -> None:
    # python: condition flips 3 of 20 pairs to vulnerable; javascript: 10 of 10; c: none of 10
    rows = []
    for rep in range(10):
        rows += [obs("p1", "baseline", rep, "secure"), obs("p1", "t", rep, "vulnerable" if rep < 3 else "secure")]
        rows += [obs("p2", "baseline", rep, "secure"), obs("p2", "t", rep, "secure")]
        rows += [obs("j1", "baseline", rep, "secure"), obs("j1", "t", rep, "vulnerable")]
        rows += [obs("c1", "baseline", rep, "vulnerable"), obs("c1", "t", rep, "vulnerable")]
    out = by_code_language(rows, cases(), alpha=0.05, seed=1, reps=200)
    assert out is not None and out["languages"] == ["python", "javascript", "c"]
    (row,) = [c for c in out["contrasts"] if c["id"] == "code/vulnerable/t"]
    per = row["by_language"]
    assert (per["python"]["n_pairs"], per["javascript"]["n_pairs"], per["c"]["n_pairs"]) == (20, 10, 10)
    assert per["python"]["difference"] == pytest.approx(3 / 20) and per["javascript"]["difference"] == 1.0
    assert per["c"]["difference"] == 0 and per["c"]["rate_baseline"] == 1.0
    pooled = row["pooled"]["stratified_difference"]
    assert pooled["difference"] == pytest.approx(0.5 * 3 / 20 + 0.25 * 1.0 + 0.25 * 0.0)
    assert pooled["weights"] == {"c": 0.25, "javascript": 0.25, "python": 0.5}
    assert row["pooled"]["cmh"]["strata"] == 2  # C has no variation: it carries nothing on the odds ratio


def test_cmh_agrees_with_statsmodels_and_detects_heterogeneity() -> None:
    from statsmodels.stats.contingency_tables import StratifiedTable

    strata = {"python": [Pair("a", 0, 1)] * 6 + [Pair("a", 0, 0)] * 14 + [Pair("a", 1, 1)] * 4,
              "c": [Pair("b", 1, 0)] * 5 + [Pair("b", 0, 0)] * 10 + [Pair("b", 1, 1)] * 5}
    got = cmh(strata, alpha=0.05)
    ref = StratifiedTable([[[10, 14], [4, 20]], [[5, 15], [10, 10]]])
    assert got["odds_ratio"] == pytest.approx(ref.oddsratio_pooled)
    assert got["p"] == pytest.approx(ref.test_null_odds(correction=True).pvalue)
    assert got["p_equal_odds"] == pytest.approx(ref.test_equal_odds().pvalue) and got["p_equal_odds"] < 0.05


def test_stratified_difference_without_variation_and_empty() -> None:
    flat = stratified_difference({"python": {"n_pairs": 4, "difference": 0.0, "se": 0.0}}, alpha=0.05)
    assert flat["difference"] == 0 and flat["p"] == 1.0
    assert stratified_difference({}, alpha=0.05)["difference"] is None
    assert by_code_language([], cases(), alpha=0.05, seed=0) is None
    python_only = [obs("p1", "baseline", 0, "secure"), obs("p1", "t", 0, "vulnerable")]
    assert by_code_language(python_only, cases(), alpha=0.05, seed=0) is None  # one language: nothing to split
