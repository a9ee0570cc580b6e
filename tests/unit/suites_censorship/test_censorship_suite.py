"""Structural tests of the shipped ``censorship`` suite: coverage, bilingual pairing, controls, references.

These guard the properties the analysis depends on: English and Chinese answers can only be compared when every
question exists in both languages under one ``parallel_id``, and the narrative judge needs both kinds of
reference statement for every sensitive topic in both languages.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from redline.records import Case, CaseKind
from redline.suites.expand import expand_trials
from redline.suites.loader import Suite, builtin_suites, load_suite

LANGS = ("en", "zh")
QUESTION_TYPES = {"factual", "views", "write"}
GROUPS = {"sensitive", "other_country", "neutral_china"}
REQUIRED_SENSITIVE = {
    "tiananmen", "taiwan", "xinjiang", "tibet", "hong-kong", "falun-gong", "xi-jinping", "great-firewall",
    "covid-origins", "cultural-revolution", "south-china-sea", "dissidents", "zero-covid-protests",
}
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@pytest.fixture(scope="module")
def suite() -> Suite:
    return load_suite(builtin_suites()["censorship"])


def _by_group(suite: Suite, group: str) -> list[Case]:
    return [c for c in suite.cases if c.topic_group == group]


def _questions_per_topic(cases: list[Case]) -> dict[str, dict[str, int]]:
    """topic -> language -> number of questions."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for case in cases:
        counts[case.topic][case.language] += 1
    return counts


def _group_topics(cases: list[Case]) -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        out[case.topic].append(case)
    return out


def test_suite_is_a_shipped_directory_without_triggers(suite: Suite) -> None:
    assert suite.name == "censorship"
    assert suite.version == "1"
    assert suite.description
    assert suite.triggers == ()
    assert Path(suite.source).is_dir()


def test_every_case_is_a_well_formed_question(suite: Suite) -> None:
    for case in suite.cases:
        assert case.kind == CaseKind.question, case.id
        assert case.language in LANGS, case.id
        assert case.topic_group in GROUPS, case.id
        assert case.question_type in QUESTION_TYPES, case.id
        assert case.category == case.question_type, case.id
        assert case.topic and case.parallel_id and case.prompt.strip(), case.id
        assert case.id == f"{case.parallel_id}-{case.language}", case.id
        assert case.parallel_id.startswith(f"{case.topic}-"), case.id


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


def test_every_question_has_exactly_one_partner_in_the_other_language(suite: Suite) -> None:
    by_pair: dict[str, list[Case]] = defaultdict(list)
    for case in suite.cases:
        by_pair[case.parallel_id].append(case)
    for pid, versions in by_pair.items():
        assert sorted(c.language for c in versions) == list(LANGS), pid
        en, zh = sorted(versions, key=lambda c: c.language)
        assert (en.topic, en.topic_group, en.question_type) == (zh.topic, zh.topic_group, zh.question_type), pid
        assert en.prompt != zh.prompt, pid


def test_language_of_prompts_matches_the_label(suite: Suite) -> None:
    for case in suite.cases:
        has_cjk = bool(CJK.search(case.prompt))
        assert has_cjk == (case.language == "zh"), case.id
    for case in suite.cases:
        if case.language == "zh":
            han = len(CJK.findall(case.prompt))
            assert han >= len(case.prompt) * 0.4, case.id  # mostly Chinese, not an English prompt with a word


def test_sensitive_topics_cover_the_required_set_with_eight_questions_per_language(suite: Suite) -> None:
    counts = _questions_per_topic(_by_group(suite, "sensitive"))
    assert len(counts) >= 13
    assert REQUIRED_SENSITIVE <= set(counts), sorted(REQUIRED_SENSITIVE - set(counts))
    short = {t: dict(c) for t, c in counts.items() if any(c[lang] < 8 for lang in LANGS)}
    assert short == {}


def test_every_topic_mixes_all_question_types_in_both_languages(suite: Suite) -> None:
    types: dict[tuple[str, str], set[str]] = defaultdict(set)
    for case in suite.cases:
        types[(case.topic, case.language)].add(case.question_type)
    missing = {k: QUESTION_TYPES - v for k, v in types.items() if v != QUESTION_TYPES}
    assert missing == {}


def test_sensitive_topics_are_mostly_factual_but_not_only(suite: Suite) -> None:
    for topic, cases in _group_topics(_by_group(suite, "sensitive")).items():
        kinds = Counter(c.question_type for c in cases if c.language == "en")
        assert kinds["factual"] >= 3 and kinds["views"] >= 2 and kinds["write"] >= 2, (topic, kinds)


def test_other_country_controls_meet_their_counts(suite: Suite) -> None:
    counts = _questions_per_topic(_by_group(suite, "other_country"))
    assert len(counts) >= 6
    short = {t: dict(c) for t, c in counts.items() if any(c[lang] < 4 for lang in LANGS)}
    assert short == {}


def test_neutral_china_controls_meet_their_counts(suite: Suite) -> None:
    neutral = _by_group(suite, "neutral_china")
    per_lang = Counter(c.language for c in neutral)
    assert all(per_lang[lang] >= 12 for lang in LANGS), per_lang


def _check_statements(statements: object, lang: str, where: str) -> list[str]:
    assert isinstance(statements, list), where
    assert all(isinstance(s, str) and s.strip() for s in statements), where
    assert len(set(statements)) == len(statements), f"{where}: duplicate statement"
    for s in statements:
        assert bool(CJK.search(s)) == (lang == "zh"), f"{where}: {s!r}"
    return statements


def test_sensitive_topics_have_state_and_factual_references_in_both_languages(suite: Suite) -> None:
    topics = {c.topic for c in _by_group(suite, "sensitive")}
    for topic in sorted(topics):
        refs = suite.references.get(topic)
        assert isinstance(refs, dict), f"no references for {topic}"
        assert set(refs) == set(LANGS), topic
        for lang in LANGS:
            assert set(refs[lang]) == {"state", "factual"}, (topic, lang)
            for kind in ("state", "factual"):
                found = _check_statements(refs[lang][kind], lang, f"{topic}.{lang}.{kind}")
                assert 4 <= len(found) <= 8, (topic, lang, kind, len(found))
        for kind in ("state", "factual"):  # parallel versions: same number of statements per language
            assert len(refs["en"][kind]) == len(refs["zh"][kind]), (topic, kind)


def test_control_topics_have_factual_references_in_both_languages(suite: Suite) -> None:
    topics = {c.topic for c in _by_group(suite, "other_country")}
    for topic in sorted(topics):
        refs = suite.references.get(topic)
        assert isinstance(refs, dict) and set(refs) == set(LANGS), topic
        for lang in LANGS:
            assert set(refs[lang]) <= {"state", "factual"}, (topic, lang)
            assert 4 <= len(_check_statements(refs[lang]["factual"], lang, f"{topic}.{lang}.factual")) <= 8
            if "state" in refs[lang]:
                _check_statements(refs[lang]["state"], lang, f"{topic}.{lang}.state")
        for kind in ("state", "factual"):
            assert len(refs["en"].get(kind, [])) == len(refs["zh"].get(kind, [])), (topic, kind)


def test_state_and_factual_statements_do_not_overlap(suite: Suite) -> None:
    for topic, refs in suite.references.items():
        for lang in LANGS:
            overlap = set(refs[lang].get("state", [])) & set(refs[lang].get("factual", []))
            assert overlap == set(), (topic, lang)


def test_references_only_name_topics_of_the_suite(suite: Suite) -> None:
    topics = {c.topic for c in suite.cases}
    assert set(suite.references) <= topics
    neutral = {c.topic for c in _by_group(suite, "neutral_china")}
    assert not neutral & set(suite.references)


def test_suite_expands_to_paired_baseline_trials(suite: Suite) -> None:
    trials = expand_trials(suite)
    assert len(trials) == len(suite.cases)
    assert {t.condition_id for t in trials} == {"baseline"}
    assert len({t.trial_id for t in trials}) == len(trials)
    sampled = expand_trials(suite, limit=5, seed=3)
    langs_per_question: dict[str, set[str]] = defaultdict(set)
    for trial in sampled:
        case = suite.case(trial.case_id)
        langs_per_question[case.parallel_id].add(case.language)
    assert len(langs_per_question) == 5
    assert all(langs == set(LANGS) for langs in langs_per_question.values())


def test_hash_is_stable_across_loads(suite: Suite) -> None:
    again = load_suite(builtin_suites()["censorship"])
    assert again.hash == suite.hash
