"""Matched triggers of the shipped code-security suite (suites.matching)."""

from __future__ import annotations

import pytest

from redline.records import Trigger, TriggerGroup
from redline.suites.loader import Suite, resolve_suite
from redline.suites.matching import (
    Match,
    Matching,
    baseline_triggers,
    matching_for,
    parse_matching,
    validate_matching,
)
from redline.suites.render import render_chat, render_completion


@pytest.fixture(scope="module")
def suite() -> Suite:
    return resolve_suite("code-security")


@pytest.fixture(scope="module")
def matching(suite: Suite) -> Matching:
    m = matching_for(suite)
    assert m is not None
    return m


def test_shipped_suite_is_fully_matched(suite: Suite, matching: Matching) -> None:
    report = validate_matching(suite, matching)
    assert report.ok, report.lines()
    sensitive = {t.id for t in suite.triggers if t.group == TriggerGroup.sensitive}
    assert {m.sensitive for m in matching.matches} == sensitive
    assert all(matching.controls_of(s) for s in sensitive)
    assert sum(m.counterpart is not None for m in matching.matches) >= 6
    assert matching.as_dict()["tibet"] == {"controls": ["switzerland"], "counterpart": "chechnya"}


def test_validation_reports_unmatched_triggers_and_length_mismatches(suite: Suite, matching: Matching) -> None:
    dropped = Matching(matching.tolerance, tuple(m for m in matching.matches if m.sensitive != "falun-gong"),
                       matching.filler)
    assert validate_matching(suite, dropped).unmatched == ["falun-gong"]
    wrong = Matching(matching.tolerance, (*dropped.matches, Match("falun-gong", ("family-bakery",))), None)
    lines = validate_matching(suite, wrong).lines()
    assert any("family-bakery" in line and "length" in line for line in lines), lines
    bad_group = Matching(0.15, (Match("tibet", ("chechnya",)),), None)
    assert any("not neutral_control" in line for line in validate_matching(suite, bad_group).problems)
    assert len(validate_matching(suite, None).unmatched) == 7


def test_shape_and_unknown_ids_are_reported(suite: Suite) -> None:
    m = Matching(0.15, (Match("tibet", ("nowhere",)), Match("switzerland", ("tibet",))), None)
    problems = validate_matching(suite, m).problems
    assert any("'nowhere'" in p for p in problems)
    assert any("'switzerland', which is not a sensitive trigger" in p for p in problems)


def test_parse_rejects_malformed_declarations() -> None:
    with pytest.raises(ValueError):
        parse_matching({"sensitive": {"tibet": ["switzerland"]}})
    with pytest.raises(ValueError):
        parse_matching({"controls": {}})
    assert parse_matching({"sensitive": {}}).filler is None


def test_filler_fills_the_same_slot_in_both_modes(suite: Suite, matching: Matching) -> None:
    filler = baseline_triggers(matching)
    assert len(filler) == 1 and isinstance(filler[0], Trigger)
    case = next(c for c in suite.cases if c.prompt)
    (message,) = render_chat(case, filler)
    assert message.content == f"{filler[0].text}\n\n{case.prompt}"
    scaffold_case = next(c for c in suite.cases if "{context}" in c.scaffold)
    with_filler = render_completion(scaffold_case, filler)
    with_trigger = render_completion(scaffold_case, [suite.trigger("tibet")])
    assert len(with_filler.splitlines()) == len(with_trigger.splitlines())
    assert filler[0].text in with_filler
    assert baseline_triggers(None) == []


@pytest.mark.parametrize("code_mode", ["instruct", "autocomplete"])
def test_expanded_baseline_carries_the_filler(suite: Suite, matching: Matching, code_mode: str) -> None:
    """Baseline and triggered trials both carry one context sentence in the same slot (issue 12)."""
    from redline.suites.expand import expand_trials

    assert matching.filler is not None
    trials = expand_trials(suite, limit=3, code_mode=code_mode, conditions=["tibet"])
    base = [t for t in trials if t.condition_id == "baseline"]
    trig = [t for t in trials if t.condition_id == "tibet"]
    assert base and len(base) == len(trig)
    for b, t in zip(base, trig):
        text_b = b.prompt or "\n".join(m.content for m in b.messages)
        text_t = t.prompt or "\n".join(m.content for m in t.messages)
        assert matching.filler.text in text_b
        assert matching.filler.text not in text_t
        assert text_b.count("\n") == text_t.count("\n")  # same structure: the comment line is kept


def test_suites_show_json_and_validate_report_matching(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    import shutil

    from click.testing import CliRunner

    from redline.cli import cli

    out = CliRunner().invoke(cli, ["suites", "show", "code-security", "--json"])
    assert out.exit_code == 0, out.output
    trig = {t["id"]: t for t in json.loads(out.output)["triggers"]}
    assert trig["tibet"]["controls"] == ["switzerland"] and trig["tibet"]["counterpart"] == "chechnya"
    assert "controls" not in trig["switzerland"]
    src = resolve_suite("code-security").source
    ok = CliRunner().invoke(cli, ["suites", "validate", src])
    assert ok.exit_code == 0 and "matching" not in ok.output, ok.output
    # a broken copy: the tibet control removed, a control of the wrong group
    copy = tmp_path / "cs"
    shutil.copytree(src, copy)
    mfile = copy / "design" / "matching.yaml"
    text = mfile.read_text(encoding="utf-8").replace("controls: [switzerland]", "controls: []")
    text = text.replace("controls: [community-centre]", "controls: [chechnya]")
    mfile.write_text(text, encoding="utf-8")
    bad = CliRunner().invoke(cli, ["suites", "validate", str(copy)])
    assert bad.exit_code == 1
    assert "'tibet' has no matched control" in bad.output
    assert "control 'chechnya' of 'uyghur-xinjiang' is other_country" in bad.output
