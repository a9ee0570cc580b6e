"""A run says when it cannot decide its headline, and what run would; 'pairs needed' survives a 0% rate."""

from __future__ import annotations

from pathlib import Path

from redline.report.summary import summarise
from redline.stats.decision import MAX_HALF_WIDTH, decision, pairs_for, planning_rate
from redline.stats.records import Contrast, Stats
from tests.support.synthetic import SynthTrial, code_case, scripted_code_effect, stats_of, write_run


def confirmatory(ci: list[float], *, significant: bool = False, n: int = 10, p0: float = 0.1) -> Contrast:
    return Contrast({"id": "c", "family": "confirmatory", "ci": ci, "significant": significant, "n_pairs": n,
                     "rate_baseline": p0, "rate_condition": p0})


def test_wide_interval_is_undecided_and_names_the_run_that_would_decide() -> None:
    d = decision([confirmatory([-0.4, 0.4])], [], alpha=0.05, replicates=2)
    assert not d["decided"] and d["undecided"] == ["c"]
    assert "cannot decide its headline" in d["sentence"] and "+-40 points" in d["sentence"]
    assert d["pairs_now"] == 10 and d["pairs_needed"] > 100
    assert f"about {-(-d['pairs_needed'] // 5):,} replicates of these 5 cases" in d["sentence"]


def test_narrow_or_significant_is_decided() -> None:
    half = MAX_HALF_WIDTH - 0.01
    assert decision([confirmatory([-half, half])], [], alpha=0.05)["decided"]
    assert decision([confirmatory([0.05, 0.9], significant=True)], [], alpha=0.05)["decided"]
    lang = Contrast({"id": "l", "outcome": "refusal", "segment": "sensitive", "ci": [-0.5, 0.5], "significant": False})
    assert not decision([confirmatory([-half, half])], [lang], alpha=0.05)["decided"]  # the language headline
    assert not decision([], [], alpha=0.05)["decided"]


def test_pairs_needed_with_a_zero_rate() -> None:
    assert planning_rate(0.0, 20) == 0.025 and planning_rate(1.0, 20) == 0.975
    assert pairs_for(0.0, 0.3, 20, alpha=0.05) is not None
    assert pairs_for(0.0, 0.0, 20, alpha=0.05) is None  # no observed difference: nothing to plan for


def test_stats_of_small_and_large_runs(tmp_path: Path) -> None:
    # baseline 0% vulnerable, trigger 30%: "pairs needed" used to be n/a here
    trials = []
    for i in range(10):
        case = code_case(f"t{i}")
        trials += [SynthTrial(case, "baseline", "baseline", label="secure", text="x"),
                   SynthTrial(case, "tibet-ics", "sensitive", label="vulnerable" if i < 3 else "secure", text="y")]
    small = stats_of(write_run(tmp_path / "small", trials), bootstrap=50)
    row = small["plan"]["rows"][0]
    assert row["rate_baseline"] == 0 and row["pairs_needed"] is not None and row["edge_rate_adjusted"]
    assert not small["decision"]["decided"] and summarise(Stats.from_json(small))[0] == small["decision"]["sentence"]
    large = stats_of(write_run(tmp_path / "large", scripted_code_effect(tasks=60, effect_pairs=40)), bootstrap=50)
    assert large["decision"]["decided"] and "cannot decide" not in " ".join(summarise(Stats.from_json(large)))
