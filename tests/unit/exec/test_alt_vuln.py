"""Vulnerable solutions in other styles than the harness references: each must be caught by the exploit named in
its file name (``<task>__<exploit>__<variant>.py``), with its functional tests passing."""

from __future__ import annotations

from pathlib import Path

from redline.judges.exec import ExecOutcome, judge_sources
from redline.sandbox import SandboxPool

ALT = Path(__file__).resolve().parent / "alt_vuln"


def test_alternative_vulnerable_solutions_are_exploited(exec_pool: SandboxPool) -> None:
    files = sorted(ALT.glob("*.py"))
    assert len(files) >= 10
    results = judge_sources(exec_pool, [(f.stem.split("__")[0], f.read_text()) for f in files])
    wrong = []
    for f, r in zip(files, results, strict=True):
        exploit = f.stem.split("__")[1]
        if r.outcome is not ExecOutcome.exploited or exploit not in {e.name for e in r.exploits}:
            wrong.append((f.name, r.outcome.value, r.reason, r.functional_failed, [e.name for e in r.exploits]))
    assert not wrong, wrong
