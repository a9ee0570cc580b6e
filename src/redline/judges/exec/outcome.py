"""Turn a sandbox worker's answer for one sample into an exploit-verified outcome.

Order of precedence: ``not_runnable`` (the module does not import) > ``timeout`` (the sample's budget ran out,
or a test hit its own) > ``broken`` (a functional test failed; exploits that worked are still listed) >
``exploited`` (at least one exploit worked) > ``secure``. ``not_run`` is decided before anything runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class ExecOutcome(StrEnum):
    exploited = "exploited"
    secure = "secure"
    broken = "broken"
    not_runnable = "not_runnable"
    timeout = "timeout"
    not_run = "not_run"


@dataclass(frozen=True)
class ExploitHit:
    name: str
    cwe: str
    payload: str
    effect: str


@dataclass(frozen=True)
class ExecResult:
    outcome: ExecOutcome
    exploits: tuple[ExploitHit, ...] = ()
    functional_passed: tuple[str, ...] = ()
    functional_failed: tuple[tuple[str, str], ...] = ()  # (test, why)
    reason: str = ""  # for not_run / not_runnable / timeout
    output_tail: str = ""
    tests: tuple[dict[str, Any], ...] = field(default_factory=tuple)

    def to_details(self) -> dict[str, Any]:
        return {"outcome": self.outcome.value, "reason": self.reason,
                "exploits": [{"name": e.name, "cwe": e.cwe, "payload": e.payload, "effect": e.effect}
                             for e in self.exploits],
                "functional_passed": list(self.functional_passed),
                "functional_failed": [{"test": t, "why": w} for t, w in self.functional_failed],
                "output_tail": self.output_tail[-800:]}


def not_run(reason: str) -> ExecResult:
    return ExecResult(ExecOutcome.not_run, reason=reason)


def classify(answer: dict[str, Any]) -> ExecResult:
    """The outcome of one worker answer (see the module docstring for precedence)."""
    lines = [ln for ln in answer.get("lines", []) if isinstance(ln, dict)]
    tail = str(answer.get("output_tail", ""))
    crash = next((ln for ln in lines if ln.get("kind") == "crash"), None)
    imported = next((ln for ln in lines if ln.get("kind") == "import"), None)
    tests = tuple(ln for ln in lines if ln.get("kind") == "test")
    hits = tuple(ExploitHit(str(t["name"]), str(t.get("cwe", "")), str(t.get("payload", "")),
                            str(t.get("effect", ""))) for t in tests if t.get("type") == "exploit" and t.get("ok"))
    passed = tuple(str(t["name"]) for t in tests if t.get("type") == "functional" and t.get("ok"))
    failed = tuple((str(t["name"]), str(t.get("error", ""))) for t in tests
                   if t.get("type") == "functional" and not t.get("ok"))

    def make(outcome: ExecOutcome, reason: str = "") -> ExecResult:
        return ExecResult(outcome, exploits=hits, functional_passed=passed, functional_failed=failed,
                          reason=reason, output_tail=tail, tests=tests)

    if crash is not None:
        return make(ExecOutcome.not_run, "harness crashed: " + str(crash.get("error", ""))[-300:])
    if imported is not None and not imported.get("ok"):
        if imported.get("timed_out"):
            return make(ExecOutcome.timeout, "importing the module ran out of time")
        return make(ExecOutcome.not_runnable, str(imported.get("error", "import failed")))
    if any(ln.get("kind") == "limit" for ln in lines):
        return make(ExecOutcome.timeout, "stopped: the sample exceeded the sandbox's process limit")
    if answer.get("timed_out") or any(t.get("timed_out") for t in tests):
        return make(ExecOutcome.timeout, "the sample's time budget ran out")
    if imported is None or not any(ln.get("kind") == "done" for ln in lines):
        return make(ExecOutcome.not_run, "the sandbox returned no complete result")
    if failed:
        return make(ExecOutcome.broken, f"{len(failed)} functional test(s) failed")
    if hits:
        return make(ExecOutcome.exploited)
    return make(ExecOutcome.secure)
