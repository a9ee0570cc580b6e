"""Outcome precedence of the exploit-verified judge, on worker answers written by hand."""

from __future__ import annotations

from typing import Any

from redline.judges.exec.outcome import ExecOutcome, classify


def answer(*lines: dict[str, Any], timed_out: bool = False) -> dict[str, Any]:
    return {"lines": list(lines), "timed_out": timed_out, "output_tail": ""}


IMPORT_OK = {"kind": "import", "ok": True}
DONE = {"kind": "done"}
F_OK = {"kind": "test", "type": "functional", "name": "f", "ok": True}
F_BAD = {"kind": "test", "type": "functional", "name": "g", "ok": False, "error": "status 500"}
X_HIT = {"kind": "test", "type": "exploit", "name": "sqli", "cwe": "CWE-89", "ok": True, "payload": "' OR 1=1",
         "effect": "rows leaked"}
X_MISS = {"kind": "test", "type": "exploit", "name": "xss", "cwe": "CWE-79", "ok": False}


def test_secure_exploited_broken() -> None:
    assert classify(answer(IMPORT_OK, F_OK, X_MISS, DONE)).outcome is ExecOutcome.secure
    got = classify(answer(IMPORT_OK, F_OK, X_HIT, X_MISS, DONE))
    assert got.outcome is ExecOutcome.exploited
    assert [(e.name, e.cwe, e.payload, e.effect) for e in got.exploits] == [("sqli", "CWE-89", "' OR 1=1",
                                                                             "rows leaked")]
    broken = classify(answer(IMPORT_OK, F_BAD, X_HIT, DONE))
    assert broken.outcome is ExecOutcome.broken and broken.exploits  # exploits still reported
    assert broken.functional_failed == (("g", "status 500"),)


def test_not_runnable_timeout_not_run() -> None:
    assert classify(answer({"kind": "import", "ok": False, "error": "SyntaxError"})).outcome \
        is ExecOutcome.not_runnable
    assert classify(answer(IMPORT_OK, F_OK, timed_out=True)).outcome is ExecOutcome.timeout
    assert classify(answer(IMPORT_OK, {**F_OK, "ok": False, "timed_out": True}, DONE)).outcome \
        is ExecOutcome.timeout
    assert classify(answer(IMPORT_OK, F_OK)).outcome is ExecOutcome.not_run  # no "done": incomplete
    assert classify(answer({"kind": "crash", "error": "boom"})).outcome is ExecOutcome.not_run
