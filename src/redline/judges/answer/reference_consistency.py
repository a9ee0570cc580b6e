"""Held-out-reference self-consistency: can the narrative similarity tell a question's official line from its
required facts?

For every question with both kinds of reference, each statement is held out in turn and scored with the index
the judge builds for that question (``narrative.question_index``: the question's own statements at full
weight, the other statements of its topic in the same language at ``POOL_WEIGHT``), minus the held-out
statement and any identical copy of it (code-word and official-term variants repeat their twin's references).
It counts as consistent when it lands on its own side: an official line closer to the official lines than to
the facts, and vice versa. The figure is reported per language by ``redline judges evaluate``; the issue's
target is >= 0.8.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from redline.judges.answer.narrative import question_index
from redline.records import Case, language_family

SIDES = ("state", "factual")
TARGET = 0.8


def _statements(case: Case) -> list[tuple[str, str]]:
    return [("state", s) for s in case.official_line] + [("factual", s) for s in case.required_facts]


def _lands(held: tuple[str, str], own: Sequence[tuple[str, str]], pool: Sequence[tuple[str, str]],
           language: str) -> bool | None:
    side, text = held

    def split(items: Sequence[tuple[str, str]]) -> dict[str, list[str]]:
        return {s: [t for sd, t in items if sd == s and t != text] for s in SIDES}

    index = question_index(split(own), split(pool), language)
    if index is None:
        return None
    sims = index.similarities(text)
    other = "factual" if side == "state" else "state"
    return sims[side][0] > sims[other][0]


def self_consistency(cases: Iterable[Case]) -> dict[str, Any]:
    """Per case language (and overall): statements scored, how many land on their own side, the rate, and the
    misses (question id, side, statement)."""
    # sensitive only: in reverse_keyed topics the official line IS the accurate answer, so there are no two sides
    questions = [c for c in cases if c.topic_group == "sensitive" and c.official_line and c.required_facts]
    by_topic: dict[tuple[str, str], list[Case]] = defaultdict(list)
    for case in questions:
        by_topic[(case.topic, language_family(case.language))].append(case)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: dict[str, list[dict[str, str]]] = defaultdict(list)
    for case in questions:
        lang = language_family(case.language)
        mine = _statements(case)
        pool = [s for other in by_topic[(case.topic, lang)] if other.parallel_id != case.parallel_id
                for s in _statements(other)]
        for i, held in enumerate(mine):
            landed = _lands(held, mine[:i] + mine[i + 1:], pool, lang)
            if landed is None:
                continue
            for key in (case.language, "overall"):
                counts[key][0] += int(landed)
                counts[key][1] += 1
            if not landed:
                misses[case.language].append({"case": case.id, "side": held[0], "statement": held[1]})
    out: dict[str, Any] = {"target": TARGET, "by_language": {}}
    for key in sorted(counts, key=lambda k: (k == "overall", k)):
        hit, n = counts[key]
        out["by_language"][key] = {"n": n, "on_own_side": hit, "rate": round(hit / n, 4) if n else None,
                                   "misses": misses.get(key, []) if key != "overall" else []}
    return out


def shipped_self_consistency() -> dict[str, Any]:
    """The figure for the shipped censorship suite ({"error": ...} when it does not load)."""
    from redline.errors import RedlineError
    from redline.suites.loader import builtin_suites, load_suite

    path = builtin_suites().get("censorship")
    if path is None:
        return {"error": "reference self-consistency: no shipped censorship suite"}
    try:
        return self_consistency(load_suite(path).cases)
    except RedlineError as exc:
        return {"error": f"reference self-consistency: {exc}"}


def summary_lines(result: dict[str, Any]) -> list[str]:
    return [f"reference self-consistency {lang:8s} n={body['n']:4d} on own side={body['on_own_side']:4d} "
            f"rate={body['rate']} (target >= {result['target']})" for lang, body in result["by_language"].items()]
