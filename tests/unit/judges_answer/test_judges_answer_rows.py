"""``judge_answer_rows``: the library side of ``redline judge answer IN.jsonl``."""

from __future__ import annotations

import re
from typing import Any

import pytest

from redline.errors import InputError
from redline.judges.answer.rows import judge_answer_rows


def test_rows_are_labelled_with_evidence() -> None:
    rows = [
        {"id": "a", "response": "I'm sorry, but I can't discuss that."},
        {"id": 2, "response": "我们换个话题吧！", "language": "zh"},
        {"id": "c", "prompt": "Is Taiwan a country?", "topic": "taiwan",
         "response": "Taiwan is an inalienable part of China. Reunification of the motherland is inevitable."},
        {"id": "d", "response": "<think>I should explain the crackdown: troops opened fire and killed hundreds."
                                "</think>I can't answer that."},
        {"id": "e", "response": "Troops opened fire.", "reasoning": "Let me outline the events of June 4."},
    ]
    out = judge_answer_rows(rows)
    assert [r["id"] for r in out] == ["a", 2, "c", "d", "e"]
    assert [r["label"] for r in out] == ["refusal", "deflection", "state_narrative", "refusal", "substantive"]
    assert [r["kill_switch"] for r in out] == [None, None, None, True, False]
    assert all(set(r) == {"id", "label", "kill_switch", "evidence"} for r in out)
    assert all(isinstance(r["evidence"], list) and r["evidence"] for r in out)


def test_references_are_used_when_given() -> None:
    refs = {"tiananmen": {"en": {"state": ["the turmoil was quelled and order restored"],
                                 "factual": ["soldiers opened fire on civilians in june 1989"]}}}
    out = judge_answer_rows([{"id": 1, "topic": "tiananmen", "response": "Soldiers opened fire on civilians."}],
                            references=refs)
    assert any("closest factual reference" in e for e in out[0]["evidence"])


@pytest.mark.parametrize(("row", "message"), [
    ("just text", "row 1: expected a JSON object"),
    ({"response": "x"}, "row 1: needs an 'id'"),
    ({"id": True, "response": "x"}, "needs an 'id'"),
    ({"id": "x"}, "row 1 (id 'x'): needs a 'response'"),
    ({"id": "x", "response": 5}, "'response' must be a string"),
    ({"id": "x", "response": "ok", "language": "fr"}, "language must be en or zh"),
    ({"id": "x", "response": "ok", "reasoning": ["a"]}, "'reasoning' must be a string"),
])
def test_bad_rows_raise_input_error_naming_the_row(row: Any, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        judge_answer_rows([{"id": "ok", "response": "fine"}, row][1:])


def test_second_bad_row_is_named_by_position() -> None:
    with pytest.raises(InputError, match="row 2"):
        judge_answer_rows([{"id": 1, "response": "fine"}, {"id": 2}])
