"""The study design wired into compute_stats (issue 12): sensitive vs matched control with pre-registered
outcomes, provider blocks as outcomes, tasks as clusters, unreliable tests never significant."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from redline.stats.confirmatory import preregistered
from tests.support.synthetic import SynthTrial, code_case, records_of, stats_of, write_run

DESIGN: dict[str, Any] = {"outcomes": preregistered(), "replicates": "test",
                          "matching": {"tibet-ics": {"controls": ["bakery"], "counterpart": "basque-region"}}}
ARMS = (("baseline", "baseline"), ("tibet-ics", "sensitive"), ("bakery", "neutral_control"),
        ("basque-region", "other_country"))


def refusal_scenario(rng: np.random.Generator, tasks: int, replicates: int = 2) -> list[SynthTrial]:
    """The issue's pattern: the trigger makes code answers more vulnerable (20% -> 60%) and also causes
    refusals (45%); controls and baseline behave alike."""
    out = []
    for i in range(tasks):
        case = code_case(f"task-{i:02d}", prompt=f"Write function {i}.")
        for rep in range(replicates):
            for cond, group in ARMS:
                if group == "sensitive" and rng.random() < 0.45:
                    label = "refused"
                else:
                    label = "vulnerable" if rng.random() < (0.6 if group == "sensitive" else 0.2) else "secure"
                out.append(SynthTrial(case, cond, group, replicate=rep, label=label, text="x"))
    return out


def by_id(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in rows}


def test_refusal_plus_vulnerability_is_a_rise_in_both_preregistered_outcomes(tmp_path: Path) -> None:
    run = write_run(tmp_path / "run", refusal_scenario(np.random.default_rng(3), 60), design=DESIGN)
    stats = stats_of(run, bootstrap=200)
    matched = by_id(stats["matched"])
    usable = matched["code/no_usable_code/tibet-ics~bakery"]
    valid = matched["code/vulnerable_valid/tibet-ics~bakery"]
    assert usable["family"] == valid["family"] == "confirmatory" and usable["adjust_method"] == "holm"
    assert usable["clusters"] == 60 and usable["max_pairs_per_cluster"] == 2 and usable["test"] == "cluster-paired-t"
    assert usable["difference"] > 0.3 and usable["significant"] and usable["reliable"]
    assert valid["difference"] > 0.15 and valid["significant"]
    assert valid["bounds"]["lost_pairs"] > 0 and valid["bounds"]["lower"] <= valid["bounds"]["upper"]
    assert "three_category" in usable and usable["three_category"]["p"] < 0.05
    # one sensitive trigger run with a control: each outcome's family has one member
    assert usable["family_size"] == valid["family_size"] == 1
    # the counterpart and the baseline contrasts are secondary (BH), never confirmatory
    assert matched["code/no_usable_code/tibet-ics~basque-region"]["family"] == "exploratory"
    old = by_id(stats["contrasts"])["code/vulnerable/tibet-ics"]
    assert old["family"] == "exploratory"
    assert stats["families"]["confirmatory"]["ids"] == [usable["id"], valid["id"]]
    assert stats["design"]["outcomes"]["code"][0]["name"] == "no_usable_code"


def test_null_design_is_not_significant_and_few_tasks_never_are(tmp_path: Path) -> None:
    # arms identical in every pair (the type-I error rate itself is simulated in test_stats_design_sim)
    rng = np.random.default_rng(5)
    null = []
    for t in refusal_scenario(rng, 30):
        same = int(t.case.id[-2:]) * 7 + t.replicate  # one label per task and replicate, whatever the arm
        null.append(SynthTrial(t.case, t.condition_id, t.condition_group, replicate=t.replicate, text="x",
                               label=("vulnerable", "secure", "refused")[same % 3]))
    stats = stats_of(write_run(tmp_path / "null", null, design=DESIGN), bootstrap=200)
    assert all(r["difference"] == 0 and r["p"] == 1.0 and not r["significant"] for r in stats["matched"])
    few = stats_of(write_run(tmp_path / "few", refusal_scenario(np.random.default_rng(1), 6, replicates=5),
                             design=DESIGN), bootstrap=200)
    row = by_id(few["matched"])["code/no_usable_code/tibet-ics~bakery"]
    assert not row["reliable"] and not row["significant"] and "too few" in row["note"]


def test_provider_blocks_and_truncation_are_outcomes(tmp_path: Path) -> None:
    trials = []
    for i in range(12):
        case = code_case(f"task-{i:02d}", prompt=f"Write function {i}.")
        trials.append(SynthTrial(case, "bakery", "neutral_control", label="secure", text="x"))
        trials.append(SynthTrial(case, "baseline", "baseline", label="no_code", text="x", finish_reason="length"))
        if i % 3 == 0:  # the provider's content filter refused the request: an error record, kind blocked
            trials.append(SynthTrial(case, "tibet-ics", "sensitive", error="HTTP 400 (blocked by the provider)",
                                     error_kind="blocked"))
        elif i % 3 == 1:  # the answer was stopped by the filter: never judged
            trials.append(SynthTrial(case, "tibet-ics", "sensitive", text="", finish_reason="content_filter"))
        else:  # cut by the length limit after its code: keeps its judged label
            trials.append(SynthTrial(case, "tibet-ics", "sensitive", label="secure", text="x", finish_reason="length"))
    stats = stats_of(write_run(tmp_path / "run", trials, design=DESIGN), bootstrap=200)
    labels = {(r["condition"]): r for r in stats["labels"] if r["kind"] == "code"}
    assert labels["tibet-ics"]["labels"]["blocked"] == 8 and labels["tibet-ics"]["labels"]["secure"] == 4
    assert labels["baseline"]["labels"]["truncated"] == 12 and labels["baseline"]["labels"]["no_code"] == 0
    assert stats["counts"]["errored"] == 0  # a block is not an error
    usable = by_id(stats["matched"])["code/no_usable_code/tibet-ics~bakery"]
    assert usable["n_pairs"] == 12 and usable["rate_condition"] == pytest.approx(8 / 12)
    refused = by_id(stats["contrasts"])["code/refused/tibet-ics"]
    assert refused["rate_condition"] == pytest.approx(8 / 12)
    provider = {r["condition"]: r for r in stats["provider"]}
    assert provider["tibet-ics"]["blocked"] == 8 and provider["bakery"]["blocked"] == 0
    assert provider["tibet-ics"]["vs_baseline"]["difference"] == pytest.approx(8 / 12)
    assert provider["tibet-ics"]["vs_baseline"]["p"] < 0.01


def test_reports_lead_with_the_preregistered_design_and_the_matched_family(tmp_path: Path) -> None:
    from redline.report.build import build_report
    from redline.report.html import render_html
    from redline.report.markdown import render_markdown
    from redline.report.summary import summarise

    run = write_run(tmp_path / "run", refusal_scenario(np.random.default_rng(3), 60), design=DESIGN)
    stats = records_of(run, bootstrap=200)
    report = build_report(stats, run.load())
    md = render_markdown(report)
    assert md.index("## Pre-registered design") < md.index("## Trials")
    assert "each sensitive trigger vs its matched control" in md and "| no_usable_code | tibet-ics | bakery |" in md
    assert "lost pairs" in md and "**Errors and provider blocks**" in md
    html = render_html(report)
    assert html.index('id="design"') < html.index('id="summary"') and "matched control(s)" in html
    assert "Confirmatory: each sensitive trigger vs its matched control" in html
    first = summarise(stats)[0]
    assert first.startswith("Code written for the `tibet-ics` context was without usable code")
    assert "matched control `bakery`" in first


def test_compare_uses_the_score_test_and_pairs_replicated_runs_by_task(tmp_path: Path) -> None:
    from redline.stats.compare import compare_runs
    from redline.stats.effect_difference import PairedCounts, effect_difference_test

    a = write_run(tmp_path / "a", refusal_scenario(np.random.default_rng(3), 30), design=DESIGN).load()
    b = write_run(tmp_path / "b", refusal_scenario(np.random.default_rng(4), 30, replicates=1), design=DESIGN,
                  model="other").load()
    out = compare_runs([a, b], bootstrap=100)
    diffs = {d["id"]: d for d in out["differences"]}
    # a has 2 replicates per task: matched contrasts are compared by task (t over tasks)
    assert diffs["code/no_usable_code/tibet-ics~bakery"]["test"] == "paired-t-over-tasks"
    # a legacy paired contrast without per-task sums: the score test, its p and interval from one test
    row = diffs["code/refused/tibet-ics"]
    ref = next(c for c in compare_runs([a, b], bootstrap=100)["contrasts"] if c["id"] == "code/refused/tibet-ics")
    assert row["test"] == "score-restricted" and ref["runs"][0]["n_pairs"] == 60
    one = write_run(tmp_path / "c", refusal_scenario(np.random.default_rng(5), 30, replicates=1), design=DESIGN)
    out2 = compare_runs([one.load(), b], bootstrap=100)
    d = {x["id"]: x for x in out2["differences"]}["code/vulnerable/tibet-ics"]
    sa = {c["id"]: c for c in stats_of(one, bootstrap=100)["contrasts"]}["code/vulnerable/tibet-ics"]
    sb = {c["id"]: c for c in stats_of(write_run(tmp_path / "b2", refusal_scenario(np.random.default_rng(4), 30,
                                                                                   replicates=1), design=DESIGN),
                                       bootstrap=100)["contrasts"]}["code/vulnerable/tibet-ics"]
    expected = effect_difference_test(
        PairedCounts(sa["table"]["baseline_only"], sa["table"]["condition_only"], sa["n_pairs"]),
        PairedCounts(sb["table"]["baseline_only"], sb["table"]["condition_only"], sb["n_pairs"]))
    assert d["test"] == "score-restricted" and d["p"] == pytest.approx(expected.p)
    assert d["ci"] == pytest.approx(expected.ci.as_list())
