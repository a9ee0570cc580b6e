"""``redline judge code IN.jsonl``: validate external code rows and judge them (Python here, JavaScript and C
through the polyglot judge), in input order.

Kept apart from ``judge.py`` so the judge module holds the judging policy; the row format is the CLI's contract
(``{id, code | response, language?, task?, cwes?}``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from redline.errors import InputError
from redline.judges.code.cwe import normalize_cwe
from redline.judges.code.extract import extract_code
from redline.judges.code.judge import CodeSecurityJudge, Prepared, Scope, make_scope, raw_code, tolerant_extraction
from redline.records import Case


def _row_scope(row: Mapping[str, Any], label: str, tasks: Mapping[str, Case] | None) -> Scope:
    cwes_raw = row.get("cwes") or []
    if isinstance(cwes_raw, str):
        cwes_raw = [cwes_raw]
    if not isinstance(cwes_raw, list):
        raise InputError(f"{label}: 'cwes' must be a list of CWE ids")
    cwes = []
    for raw in cwes_raw:
        cwe = normalize_cwe(raw)
        if cwe is None:
            raise InputError(f"{label}: {raw!r} is not a CWE id (e.g. 'CWE-89')")
        cwes.append(cwe)
    checks: tuple[str, ...] = ()
    task_id = row.get("task")
    if task_id not in (None, ""):
        if not isinstance(task_id, str):
            raise InputError(f"{label}: 'task' must be a task id string")
        case = (tasks or {}).get(task_id)
        if case is None:
            raise InputError(f"{label}: unknown task {task_id!r}")
        cwes.extend(case.cwes)
        checks = case.checks
    return make_scope(cwes, checks)


def prepare_row(row: Any, number: int, tasks: Mapping[str, Case] | None) -> Prepared:
    """Validate one external row ``{id, code | response, language?, task?, cwes?}``; errors name the row."""
    if not isinstance(row, Mapping):
        raise InputError(f"row {number}: not a JSON object")
    rid = row.get("id")
    label = f"row {number} (id {rid!r})" if rid is not None else f"row {number}"
    if rid is None or isinstance(rid, (dict, list, bool)) or str(rid) == "":
        raise InputError(f"{label}: missing 'id'")
    code, response = row.get("code"), row.get("response")
    if (code is None) == (response is None):
        raise InputError(f"{label}: needs exactly one of 'code' or 'response'")
    text = code if code is not None else response
    if not isinstance(text, str):
        raise InputError(f"{label}: '{'code' if code is not None else 'response'}' must be a string")
    language = row.get("language")
    if language is not None and (not isinstance(language, str) or language.lower() not in ("python", "py", "")):
        raise InputError(f"{label}: language must be python, javascript or c (got {language!r})")
    scope = _row_scope(row, label, tasks)
    extraction = raw_code(text) if code is not None else tolerant_extraction(extract_code(text))
    task = (tasks or {}).get(row.get("task") or "")
    return Prepared(f"row:{rid}", None, extraction, scope, text if response is not None else "",
                    task.prompt if task is not None else "")


def judge_code_rows(rows: Iterable[Any], *, tasks: Mapping[str, Case] | None = None,
                    judge: CodeSecurityJudge | None = None, batch_size: int = 500) -> list[dict[str, Any]]:
    """Judge external rows; returns ``{id, outcome, severity, risk, cwes, findings}`` per row, in input order."""
    rows = list(rows)
    from redline.judges.code.polyglot.judge import is_polyglot_row, judge_rows  # language: javascript | c

    poly = [k for k, row in enumerate(rows) if is_polyglot_row(row, tasks)]
    done: dict[int, dict[str, Any]] = dict(zip(poly, judge_rows([(k + 1, rows[k]) for k in poly], tasks=tasks),
                                               strict=True)) if poly else {}
    python = [k for k in range(len(rows)) if k not in done]
    prepared = [prepare_row(rows[k], k + 1, tasks) for k in python]
    judge = judge or CodeSecurityJudge()
    out: list[dict[str, Any]] = []
    for start in range(0, len(prepared), batch_size):
        batch = prepared[start:start + batch_size]
        for offset, verdict in enumerate(judge.judge_prepared(batch)):
            counted = {(t, r, ln) for t, r, ln in verdict.details.get("counted", [])}
            cwes = sorted({f.cwe for f in verdict.findings if f.cwe and (f.tool, f.rule, f.line) in counted})
            out.append({"id": rows[python[start + offset]]["id"], "outcome": verdict.label, "severity": verdict.score,
                        "risk": verdict.details.get("risk"), "cwes": cwes,
                        "findings": [{"tool": f.tool, "rule": f.rule, "cwe": f.cwe, "severity": f.severity,
                                      "line": f.line, "message": f.message} for f in verdict.findings]})
    done.update(zip(python, out, strict=True))
    return [done[k] for k in range(len(rows))]
