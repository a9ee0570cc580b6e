"""The typed statistics records (issue 11): ``stats.json`` is exactly their serialised form, and they refuse a
figure they would drop."""

from __future__ import annotations

import json

import pytest

from redline.stats.records import Contrast, Rate, Stats, read_stats
from tests.support.golden import GOLDEN


def _golden() -> tuple[str, dict]:  # type: ignore[type-arg]
    text = (GOLDEN / "stats.json").read_text(encoding="utf-8")
    return text, json.loads(text)


def test_the_golden_stats_json_round_trips_byte_for_byte() -> None:
    text, data = _golden()
    stats = Stats.from_json(data)
    assert json.dumps(stats.to_json(), indent=2, ensure_ascii=False) + "\n" == text


def test_fields_read_by_attribute() -> None:
    _, data = _golden()
    stats = Stats.from_json(data)
    assert stats.alpha == 0.05 and stats.counts.planned == 108 and stats.counts.by_kind is not None
    assert stats.counts.by_kind["code"].ok == 36
    first = stats.contrasts[0]
    assert isinstance(first, Contrast) and first.id == data["contrasts"][0]["id"]
    assert first.ci == tuple(data["contrasts"][0]["ci"]) and first.p == data["contrasts"][0]["p"]
    assert first.rates == (data["contrasts"][0]["rate_baseline"], data["contrasts"][0]["rate_condition"])
    language = stats.language[0]
    assert language.rates == (data["language"][0]["rate_en"], data["language"][0]["rate_zh"])
    assert [c.id for c in stats.confirmatory()] == [c["id"] for c in data["matched"]
                                                    if c["family"] == "confirmatory"]
    assert stats.families["confirmatory"].ids == tuple(data["families"]["confirmatory"]["ids"])
    assert isinstance(stats.rates[0], Rate) and stats.rates[0].ci == tuple(data["rates"][0]["ci"])
    assert stats.decision.sentence == data["decision"]["sentence"]
    assert any(c.bounds is not None and c.bounds.lost_pairs >= 0 for c in stats.matched)


def test_a_key_no_record_holds_is_refused_where_it_would_be_lost() -> None:
    _, data = _golden()
    data["rates"][0]["extra"] = 1
    with pytest.raises(ValueError, match="Rate"):
        Stats.from_json(data)
    data["new_block"] = {}
    with pytest.raises(ValueError, match="new_block"):
        Stats.from_json(data)
    # a stats.json written by another version is still read (the unknown figures are not rendered)
    old = read_stats(data)
    assert old is not None and old.rates[0].n == data["rates"][0]["n"]
    assert read_stats(None) is None


def test_optional_blocks_are_left_out_when_absent() -> None:
    _, data = _golden()
    out = Stats.from_json(data).to_json()
    for key in ("sequential", "judge_error", "code_languages", "secondary_judges", "calibration"):
        assert key not in out
    assert "vs_baseline" not in out["provider"][0]


def test_calibration_and_secondary_judges_are_records_that_round_trip() -> None:
    """The two optional blocks with a fixed shape are records; their JSON is exactly what the builders wrote."""
    from redline.stats.calibration import Calibration as Built
    from redline.stats.calibration import Confusion
    from redline.stats.records import Calibration, SecondaryJudge

    _, data = _golden()
    built = Built("code-security", "code-exec", Confusion(tp=2, fp=1, fn=0, tn=5),
                  {"CWE-89": Confusion(tp=2, fp=0, fn=0, tn=1), "CWE-22": Confusion(tp=0, fp=1, fn=0, tn=4)},
                  {"not_run": 2})
    # in the order compute_stats adds them
    data["secondary_judges"] = {"answer-model": {"kind": "question", "n": 6,
                                                 "labels": {"baseline": {"substantive": 3}, "tibet": {"refusal": 3}}}}
    data["calibration"] = built.to_dict()
    stats = Stats.from_json(data)
    assert isinstance(stats.calibration, Calibration) and stats.calibration.overall.tn == 5
    assert stats.calibration.per_cwe["CWE-22"].fp == 1 and stats.calibration.overall.kappa is not None
    entry = (stats.secondary_judges or {})["answer-model"]
    assert isinstance(entry, SecondaryJudge) and entry.n == 6 and entry.labels["tibet"]["refusal"] == 3
    assert json.dumps(stats.to_json(), indent=2) == json.dumps(data, indent=2)
    data["calibration"]["overall"]["extra"] = 1
    with pytest.raises(ValueError, match="Agreement"):
        Stats.from_json(data)
