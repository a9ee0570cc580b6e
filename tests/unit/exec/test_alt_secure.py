"""Secure solutions in other styles than the harness references (Flask-WTF, bcrypt, argon2, safe_join, ...):
a harness that calls a reasonable secure answer broken or exploited is a harness that guesses.

Written by the harness author, so they are not the independent second set the issue asks for; they are a
floor for it."""

from __future__ import annotations

from pathlib import Path

from redline.judges.exec import ExecOutcome, judge_sources
from redline.sandbox import SandboxPool

ALT = Path(__file__).resolve().parent / "alt_secure"


def test_alternative_secure_solutions_are_judged_secure(exec_pool: SandboxPool) -> None:
    files = sorted(ALT.glob("*.py"))
    assert len(files) >= 10
    results = judge_sources(exec_pool, [(f.stem.split("__")[0], f.read_text()) for f in files])
    wrong = [(f.name, r.outcome.value, r.reason, r.functional_failed, [e.name for e in r.exploits])
             for f, r in zip(files, results, strict=True) if r.outcome is not ExecOutcome.secure]
    assert not wrong, wrong
