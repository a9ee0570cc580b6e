"""Structural tests of the shipped ``censorship`` suite (v2, docs/censorship-suite.md).

They guard what the analysis depends on: every question exists in English and Simplified Chinese (and
Traditional Chinese for Taiwan and Hong Kong) under one ``parallel_id``; every topic has the same eight-question
shape; every sensitive question carries its own required facts and official line in each language.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from redline.records import Case, CaseKind
from redline.suites.expand import expand_trials
from redline.suites.hygiene import group_balance
from redline.suites.loader import Suite, builtin_suites, load_suite
from redline.suites.questions import REQUEST_TYPES, TOPIC_GROUPS

SHAPE = {"01": "factual", "02": "factual", "03": "factual", "04": "views", "05": "views", "06": "write",
         "07": "write", "08": "organise"}
SUFFIX = {"en": "en", "zh-Hans": "zh", "zh-Hant": "zht"}
REQUIRED_SENSITIVE = {
    "tiananmen", "taiwan", "xinjiang", "tibet", "hong-kong", "falun-gong", "xi-jinping", "great-firewall",
    "covid-origins", "cultural-revolution", "south-china-sea", "dissidents", "zero-covid-protests",
}
VARIANT_TOPICS = {"tiananmen", "xinjiang", "xi-jinping", "hong-kong", "taiwan", "tibet", "falun-gong"}
TRADITIONAL_TOPICS = {"taiwan", "hong-kong", "causeway-bay-booksellers", "umbrella-movement"}
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# characters whose Simplified and Traditional forms differ, one pair each: a zh-Hant prompt uses the first
SIMPLIFIED_ONLY = set("们这说为国际会时发题湾评应该学岛运动议问对权")


@pytest.fixture(scope="module")
def suite() -> Suite:
    return load_suite(builtin_suites()["censorship"])


def _pairs(suite: Suite) -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = defaultdict(list)
    for case in suite.cases:
        out[case.parallel_id].append(case)
    return out


def test_suite_is_a_shipped_directory_without_triggers(suite: Suite) -> None:
    assert suite.name == "censorship"
    assert suite.version == "2"
    assert suite.description
    assert suite.triggers == ()
    assert Path(suite.source).is_dir()


def test_every_case_is_a_well_formed_v2_question(suite: Suite) -> None:
    for case in suite.cases:
        assert case.kind == CaseKind.question, case.id
        assert case.language in SUFFIX, case.id
        assert case.topic_group in TOPIC_GROUPS, case.id
        assert case.request_type in REQUEST_TYPES, case.id
        assert case.topic and case.parallel_id and case.prompt.strip(), case.id
        assert case.id == f"{case.parallel_id}-{SUFFIX[case.language]}", case.id
        assert case.parallel_id.startswith(f"{case.topic}-"), case.id
        assert not case.question_type and not case.category, case.id  # v1 keys are gone


def test_ids_and_prompts_are_unique(suite: Suite) -> None:
    ids = Counter(c.id for c in suite.cases)
    assert [i for i, n in ids.items() if n > 1] == []
    prompts = Counter(c.prompt for c in suite.cases)
    assert [p for p, n in prompts.items() if n > 1] == []


def test_each_topic_belongs_to_one_group(suite: Suite) -> None:
    groups: dict[str, set[str]] = defaultdict(set)
    for case in suite.cases:
        groups[case.topic].add(case.topic_group)
    assert {t: g for t, g in groups.items() if len(g) != 1} == {}


def test_every_question_exists_in_english_and_simplified_chinese(suite: Suite) -> None:
    for pid, versions in _pairs(suite).items():
        langs = sorted(c.language for c in versions)
        expected = ["en", "zh-Hans", "zh-Hant"] if versions[0].topic in TRADITIONAL_TOPICS else ["en", "zh-Hans"]
        assert langs == expected, pid
        assert len({(c.topic, c.topic_group, c.request_type, c.variant) for c in versions}) == 1, pid
        assert len({c.prompt for c in versions}) == len(versions), pid


def test_language_of_prompts_matches_the_label(suite: Suite) -> None:
    for case in suite.cases:
        han = len(CJK.findall(case.prompt))
        if case.language == "en":
            assert han == 0, case.id
        else:
            assert han >= len(case.prompt) * 0.4, case.id  # mostly Chinese, not an English prompt with a word


def test_traditional_versions_are_written_in_traditional_characters(suite: Suite) -> None:
    for case in suite.cases:
        if case.language == "zh-Hant":
            assert not SIMPLIFIED_ONLY & set(case.prompt + "".join(case.required_facts)), case.id


def test_every_topic_has_the_eight_question_shape(suite: Suite) -> None:
    by_topic: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for case in suite.cases:
        number = case.parallel_id.rsplit("-", 1)[1]
        by_topic[case.topic][number].add(case.request_type)
        if number == "01":
            assert case.variant == "knowledge_check", case.id
    for topic, numbers in by_topic.items():
        base = {n: types for n, types in numbers.items() if n in SHAPE}
        assert base == {n: {t} for n, t in SHAPE.items()}, topic


def test_groups_are_balanced_at_eight_questions_per_topic(suite: Suite) -> None:
    balance = group_balance(suite.cases)
    assert balance, "no groups"
    assert {(g, t): n for g, topics in balance.items() for t, n in topics.items() if n != 8} == {}


def test_sensitive_group_covers_the_required_topics(suite: Suite) -> None:
    topics = {c.topic for c in suite.cases if c.topic_group == "sensitive"}
    assert REQUIRED_SENSITIVE <= topics


def test_code_word_and_official_term_variants_point_at_their_plain_twin(suite: Suite) -> None:
    pairs = _pairs(suite)
    seen: dict[str, set[str]] = defaultdict(set)
    for case in suite.cases:
        if case.variant in ("code_word", "official_term"):
            seen[case.topic].add(case.variant)
            twin = pairs[case.variant_of][0]
            assert twin.topic == case.topic and twin.request_type == case.request_type, case.id
            if case.variant == "official_term":
                assert twin.variant == "plain_term", case.id
            assert case.required_facts == next(c for c in pairs[case.variant_of]
                                               if c.language == case.language).required_facts, case.id
    for topic in VARIANT_TOPICS:
        assert seen[topic] == {"code_word", "official_term"}, topic


def test_every_sensitive_question_has_facts_and_an_official_line_in_each_language(suite: Suite) -> None:
    for case in suite.cases:
        if case.topic_group != "sensitive":
            continue
        assert 2 <= len(case.required_facts) <= 5, case.id
        assert case.official_line, case.id
        assert case.sources, case.id
        for statement in (*case.required_facts, *case.official_line):
            han = len(CJK.findall(statement))
            assert (han > 0) == (case.language != "en"), (case.id, statement)
        assert not set(case.official_line) & set(case.required_facts), case.id


def test_topic_pools_are_built_from_the_questions(suite: Suite) -> None:
    for topic in REQUIRED_SENSITIVE:
        for lang in ("en", "zh"):
            sides = suite.references[topic][lang]
            assert sides["state"] and sides["factual"], (topic, lang)
    case = suite.case("tiananmen-03-en")
    assert set(case.official_line) <= set(suite.references["tiananmen"]["en"]["state"])


def test_reference_errors_named_in_the_issue_are_fixed(suite: Suite) -> None:
    def official(topic: str, lang: str) -> str:
        return " ".join(s for c in suite.cases if c.topic == topic and c.language == lang for s in c.official_line)

    def facts(topic: str, lang: str) -> str:
        return " ".join(s for c in suite.cases if c.topic == topic and c.language == lang for s in c.required_facts)

    assert "democratic reform" in official("tibet", "en") and "民主改革" in official("tibet", "zh-Hans")
    assert "mainly by the errors" in official("cultural-revolution", "en")
    assert "身体不适" in official("xi-jinping", "zh-Hans")  # the official Hu Jintao account is the official line
    assert "March-April 2019" in facts("hong-kong", "en") and "began in June" not in facts("hong-kong", "en")
    assert "set up at the request of a campaign group" in facts("falun-gong", "en")
    for word, topic in (("反革命暴乱", "tiananmen"), ("修例风波", "hong-kong"), ("反中乱港", "hong-kong"),
                        ("九二共识", "taiwan"), ("台湾地区领导人", "taiwan"), ("达赖集团", "tibet"),
                        ("宜粗不宜细", "cultural-revolution")):
        assert word in official(topic, "zh-Hans"), word


def test_time_sensitive_questions_are_dated(suite: Suite) -> None:
    for case in suite.cases:
        if case.topic in {"dissidents", "hong-kong", "covid-origins", "xi-jinping"}:
            assert re.fullmatch(r"\d{4}-\d{2}", case.as_of), case.id


def test_suite_expands_to_paired_baseline_trials(suite: Suite) -> None:
    trials = expand_trials(suite)
    assert len(trials) == len(suite.cases)
    assert {t.condition_id for t in trials} == {"baseline"}
    assert len({t.trial_id for t in trials}) == len(trials)


def test_hash_is_stable_across_loads(suite: Suite) -> None:
    again = load_suite(builtin_suites()["censorship"])
    assert again.hash == suite.hash
