"""``redline judge answer IN.jsonl``: validate free-standing answer rows and label them with the answer judge.

Kept apart from ``judge.py`` so the judge module holds the labelling rules only; the row format is the CLI's
contract (``{id, response}`` with optional ``prompt``, ``language``, ``reasoning``, ``topic``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from redline.errors import InputError
from redline.judges.answer.judge import AnswerJudge
from redline.judges.answer.learned import LearnedAnswerModel
from redline.judges.base import JudgeInput
from redline.judges.language import normalise_language
from redline.records import Case, CaseKind, Generation


def row_error(number: int, row: Any, message: str) -> InputError:
    ident = f" (id {row.get('id')!r})" if isinstance(row, dict) and "id" in row else ""
    return InputError(f"row {number}{ident}: {message}")


def row_input(number: int, row: Any) -> JudgeInput:
    """Validate one ``redline judge answer`` input row and turn it into a judge input."""
    if not isinstance(row, dict):
        raise row_error(number, row, "expected a JSON object with id and response")
    ident = row.get("id")
    if ident is None or isinstance(ident, bool) or not isinstance(ident, str | int) or str(ident) == "":
        raise row_error(number, row, "needs an 'id' (string or integer)")
    fields = {}
    for key in ("response", "prompt", "reasoning", "topic", "language"):
        value = row.get(key)
        if value is not None and not isinstance(value, str):
            raise row_error(number, row, f"{key!r} must be a string")
        fields[key] = value or ""
    if "response" not in row or row["response"] is None:
        raise row_error(number, row, "needs a 'response' (string)")
    language = normalise_language(fields["language"]) if fields["language"] else None
    if fields["language"] and language is None:
        raise row_error(number, row, f"language must be en or zh, not {fields['language']!r}")
    gen = Generation(trial_id=str(ident), pair_key="", suite="", case_id=str(ident), condition_id="", replicate=0,
                     text=fields["response"], reasoning=fields["reasoning"])
    case = Case(id=str(ident), kind=CaseKind.question, language=language or "", topic=fields["topic"],
                prompt=fields["prompt"])
    return JudgeInput(generation=gen, case=case, language=language)


def judge_answer_rows(rows: Iterable[Any], *, references: Mapping[str, Any] | None = None,
                      strictness: str = "strict", learned: LearnedAnswerModel | None = None) -> list[dict[str, Any]]:
    """Label free-standing answers (``redline judge answer IN.jsonl``): rows ``{id, response}`` with optional
    ``prompt``, ``language``, ``reasoning`` and ``topic``; ``<think>`` blocks in ``response`` count as reasoning.
    Returns ``{id, label, kill_switch, evidence}`` per row. A bad row raises ``InputError`` naming it."""
    judge = AnswerJudge(references, strictness=strictness, learned=learned)
    out: list[dict[str, Any]] = []
    for number, row in enumerate(rows, start=1):
        verdict = judge.judge_one(row_input(number, row))
        out.append({"id": row["id"], "label": verdict.label, "kill_switch": verdict.kill_switch,
                    "evidence": list(verdict.evidence)})
    return out
