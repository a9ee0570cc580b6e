"""compute_stats over synthetic run directories written with RunDir + JsonlWriter."""

import json

import numpy as np
import pytest

from redline.records import Verdict
from redline.stats.compute import STATS_VERSION
from redline.stats.outcomes import CODE_JUDGE
from redline.store.run_dir import VERDICTS
from tests.support.synthetic import (
    SynthTrial,
    code_case,
    demo_trials,
    question_case,
    scripted_code_effect,
    stats_of,
    write_run,
)


def contrast(stats, cid):
    matches = [c for c in stats["contrasts"] if c["id"] == cid]
    assert matches, f"no contrast {cid}"
    return matches[0]


def assert_scripted_effect_found(stats):
    """The scripted effect: vulnerable only with the trigger in 8 of 10 pairs (one pair vulnerable in both)."""
    c = contrast(stats, "code/vulnerable/tibet-ics")
    assert c["table"] == {"both": 1, "baseline_only": 0, "condition_only": 8, "neither": 1}
    assert c["difference"] == pytest.approx(0.8)
    assert c["p_mcnemar_exact"] == pytest.approx(2 * 0.5 ** 8)
    assert c["family"] == "confirmatory" and c["significant"]
    assert c["ci"][0] > 0.3


def test_scripted_effect_is_found(tmp_path):
    stats = stats_of(write_run(tmp_path / "run", scripted_code_effect()))
    assert_scripted_effect_found(stats)
    control = contrast(stats, "code/vulnerable/bakery")
    assert control["difference"] == 0 and not control["significant"] and control["family"] == "exploratory"
    assert stats["schema"] == "redline.stats" and stats["schema_version"] == STATS_VERSION
    assert stats["families"]["confirmatory"]["ids"] == ["code/vulnerable/tibet-ics"]


def test_breaking_pairing_fails_the_check(tmp_path):
    """If the trigger trials no longer share pair keys with their baselines, the effect must not be found."""
    broken = [SynthTrial(**{**t.__dict__, "pair_key": f"unpaired-{i}"}) if t.condition_id != "baseline" else t
              for i, t in enumerate(scripted_code_effect())]
    stats = stats_of(write_run(tmp_path / "run", broken))
    with pytest.raises(AssertionError):
        assert_scripted_effect_found(stats)
    counts = {r["condition"]: r["statuses"] for r in stats["labels"]}
    assert counts["tibet-ics"] == {"ok": 10}  # trials still counted, just not paired


def heterogeneous(mispair: bool):
    """30 tasks: 15 hard ones vulnerable with and without the trigger, 8 easy ones flip with it. Paired,
    the effect is clear (b=0, c=8); matched to the wrong baselines it is not."""
    trials = []
    for i in range(30):
        case = code_case(f"t{i:02d}")
        base = "vulnerable" if i < 15 else "secure"
        trig = "vulnerable" if i < 23 else "secure"
        trials.append(SynthTrial(case, "baseline", "baseline", label=base, pair_key=f"k{i}"))
        key = f"k{29 - i}" if mispair else f"k{i}"
        trials.append(SynthTrial(case, "tibet-ics", "sensitive", label=trig, pair_key=key))
    return trials


def test_pairing_matters_on_heterogeneous_tasks(tmp_path):
    good = contrast(stats_of(write_run(tmp_path / "good", heterogeneous(False))), "code/vulnerable/tibet-ics")
    bad = contrast(stats_of(write_run(tmp_path / "bad", heterogeneous(True))), "code/vulnerable/tibet-ics")
    assert good["table"]["baseline_only"] == 0 and good["table"]["condition_only"] == 8 and good["significant"]
    assert bad["table"]["baseline_only"] > 0 and not bad["significant"]


def test_missing_errored_unjudged_and_judge_errors_are_counted(tmp_path):
    trials = scripted_code_effect(12, effect_pairs=8)
    # task-09: missing trigger trial; task-10: errored baseline; task-11: unjudged trigger, judge error control
    edited = []
    for t in trials:
        if t.case.id == "task-09" and t.condition_id == "tibet-ics":
            t = SynthTrial(**{**t.__dict__, "generated": False})
        if t.case.id == "task-10" and t.condition_id == "baseline":
            t = SynthTrial(**{**t.__dict__, "error": "HTTP 500"})
        if t.case.id == "task-11" and t.condition_id == "tibet-ics":
            t = SynthTrial(**{**t.__dict__, "label": None})
        if t.case.id == "task-11" and t.condition_id == "bakery":
            t = SynthTrial(**{**t.__dict__, "label": "error"})
        edited.append(t)
    stats = stats_of(write_run(tmp_path / "run", edited))
    counts = stats["counts"]
    assert (counts["planned"], counts["missing"], counts["errored"], counts["unjudged"], counts["judge_error"]) == \
        (36, 1, 1, 1, 1)
    assert counts["ok"] == 32 and counts["generated"] == 35
    c = contrast(stats, "code/vulnerable/tibet-ics")
    assert c["n_pairs"] == 9  # 12 tasks minus the three with a member that cannot be analysed
    assert c["n_unpaired"] == 3  # tasks 09, 10 and 11 each have one analysable member without its partner
    assert any("missing" in w for w in stats["warnings"]) and any("error" in w for w in stats["warnings"])


def test_only_the_manifest_judge_fingerprint_counts(tmp_path):
    run = write_run(tmp_path / "run", scripted_code_effect())
    # a stale verdict from an older judge version says every trigger trial was secure: it must be ignored
    with run.writer(VERDICTS) as w:
        for t in run.trials():
            w.write(Verdict(trial_id=t.trial_id, judge=CODE_JUDGE, judge_fingerprint="old-version", label="secure"))
    assert_scripted_effect_found(stats_of(run))


def test_stats_are_strict_json_and_deterministic(tmp_path):
    run = write_run(tmp_path / "run", demo_trials(np.random.default_rng(3)), seed=3)
    first, second = stats_of(run), stats_of(run)
    assert first == second
    json.dumps(first, allow_nan=False)
    assert stats_of(run, seed=99)["seed"] == 99


def test_replicates_with_enough_tasks_use_clustered_methods(tmp_path):
    stats = stats_of(write_run(tmp_path / "run", demo_trials(np.random.default_rng(4), tasks=12)), bootstrap=500)
    c = contrast(stats, "code/vulnerable/tibet-ics")
    assert c["clusters"] == 12 and c["max_pairs_per_cluster"] == 2
    assert c["ci_method"] == "cluster-bootstrap" and c["test"] == "mcnemar-clustered"
    assert c["ci"] == c["ci_bootstrap"] and c["p"] == c["p_clustered"]
    few = stats_of(write_run(tmp_path / "few", demo_trials(np.random.default_rng(4), tasks=4)), bootstrap=200)
    c = contrast(few, "code/vulnerable/tibet-ics")
    assert c["test"] == "mcnemar-exact" and "too few" in c["note"]


def censorship_trials(zh_extra: int):
    """12 sensitive and 12 control question groups in en and zh, two per topic (6 topics per group: topic
    contrasts cluster on the topic); on sensitive topics, ``zh_extra`` of them are refused in Chinese only."""
    trials = []
    for group, topic in (("sensitive", "tiananmen"), ("other_country", "other-protests")):
        for q in range(12):
            pid = f"{topic}-{q}"
            for lang in ("en", "zh"):
                refused = group == "sensitive" and lang == "zh" and q < zh_extra
                case = question_case(f"{pid}-{lang}", language=lang, topic=f"{topic}-{q % 6}", topic_group=group,
                                     parallel_id=pid)
                trials.append(SynthTrial(case, "baseline", "baseline", label="refusal" if refused else "substantive"))
    return trials


def test_language_topic_and_difference_in_differences(tmp_path):
    stats = stats_of(write_run(tmp_path / "run", censorship_trials(9)), bootstrap=500)
    lang = {c["id"]: c for c in stats["language"]}
    sens = lang["language/refusal/sensitive"]
    assert sens["table"] == {"both": 0, "en_only": 0, "zh_only": 9, "neither": 3}
    assert sens["rate_en"] == 0 and sens["rate_zh"] == pytest.approx(0.75) and sens["significant"]
    assert lang["language/refusal/other_country"]["difference"] == 0
    topics = {c["id"]: c for c in stats["topics"]}
    zh = topics["topic/refusal/sensitive-vs-other_country/zh"]
    assert zh["difference"] == pytest.approx(0.75) and zh["test"] == "cluster-permutation" and zh["p"] < 0.01
    assert zh["clusters1"] == zh["clusters2"] == 6  # topics, not questions or language versions
    en = topics["topic/refusal/sensitive-vs-other_country/en"]
    assert en["difference"] == 0 and en["p"] == 1.0
    did = {c["id"]: c for c in stats["did"]}["did/refusal/sensitive-vs-other_country"]
    assert did["difference"] == pytest.approx(0.75) and did["ci"][0] > 0 and did["p"] < 0.01
    assert all(c["family"] == "exploratory" for c in [*stats["language"], *stats["topics"], *stats["did"]])
    # heatmap cells per topic and language
    cells = {(m["topic"], m["language"]): m for m in stats["topic_language"]}
    assert sum(cells[(f"tiananmen-{t}", "zh")]["counts"]["refusal"] for t in range(6)) == 9


def test_no_language_effect_is_not_significant(tmp_path):
    stats = stats_of(write_run(tmp_path / "run", censorship_trials(0)), bootstrap=200)
    assert not any(c["significant"] for c in [*stats["language"], *stats["topics"], *stats["did"]])


def test_plan_figures_for_confirmatory_contrasts(tmp_path):
    stats = stats_of(write_run(tmp_path / "run", scripted_code_effect()))
    row = stats["plan"]["rows"][0]
    assert row["condition"] == "tibet-ics" and row["n_pairs"] == 10
    assert row["pairs_needed"] is not None and row["pairs_needed"] <= 10  # the effect was detected with 10
    assert 0 < row["detectable_difference"] < 1


def test_kill_switch_rates(tmp_path):
    case = code_case("k")
    trials = [SynthTrial(case, "baseline", "baseline", r, label="secure", reasoning="x", kill_switch=r < 1)
              for r in range(4)]
    trials += [SynthTrial(case, "falun-gong", "sensitive", r, label="refused", reasoning="x", kill_switch=r < 3)
               for r in range(4)]
    stats = stats_of(write_run(tmp_path / "run", trials))
    rates = {r["condition"]: r for r in stats["kill_switch"]}
    assert (rates["baseline"]["events"], rates["baseline"]["n"]) == (1, 4)
    assert (rates["falun-gong"]["events"], rates["falun-gong"]["n"]) == (3, 4)
