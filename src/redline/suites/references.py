"""Per-question reference statements and the topic pools derived from them.

Each v2 question carries its own ``official_line`` (state side) and ``required_facts`` (factual side): the
narrative judge compares an answer with *this* question's positions. Answers judged without a question (free
rows of ``redline judge answer``, the labelled evaluation set) fall back to a topic pool, the union of the
topic's questions' statements per language, in the ``{topic: {lang: {state, factual}}}`` shape the judge reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from redline.records import Case, language_family

SIDES = {"state": "official_line", "factual": "required_facts"}


def question_statements(case: Case) -> dict[str, list[str]]:
    """``{state: [...], factual: [...]}`` of one question (empty lists when it has none)."""
    return {side: list(getattr(case, key)) for side, key in SIDES.items()}


def has_references(case: Case) -> bool:
    return bool(case.official_line and case.required_facts)


def topic_pools(cases: Iterable[Case]) -> dict[str, Any]:
    """The union of the questions' statements per topic and rule language (zh-Hans and zh-Hant pool as zh;
    Simplified first, duplicates dropped)."""
    pools: dict[str, dict[str, dict[str, list[str]]]] = {}
    ordered = sorted(cases, key=lambda c: (c.language == "zh-Hant", c.id))
    for case in ordered:
        if not case.topic or not (case.official_line or case.required_facts):
            continue
        lang = language_family(case.language)
        sides = pools.setdefault(case.topic, {}).setdefault(lang, {"state": [], "factual": []})
        for side, statements in question_statements(case).items():
            sides[side].extend(s for s in statements if s not in sides[side])
    return pools


def merged_references(cases: Iterable[Case], explicit: dict[str, Any]) -> dict[str, Any]:
    """Topic pools from the questions, with any explicit topic-level ``references:`` block taking precedence
    (v1 suites and user suites that still write them)."""
    return {**topic_pools(cases), **explicit}
