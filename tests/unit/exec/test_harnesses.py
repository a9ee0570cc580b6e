"""CI gate: every harness tells its references apart (secure -> secure; vuln_X -> exploited by X, functional pass).

Runs all references of all harnesses in one batch over a two-worker namespace pool.
"""

from __future__ import annotations

import ast

import pytest
import yaml

from redline.judges.exec.harness import HARNESS_ROOT, harnesses
from redline.judges.exec.outcome import ExecOutcome, ExecResult, ExploitHit
from redline.judges.exec.validate import expectation, validate
from redline.sandbox import SandboxPool
from redline.suites.loader import resolve_suite


def test_every_harness_is_complete() -> None:
    tasks = {case.id: case for case in resolve_suite("code-security").cases}
    assert len(harnesses()) >= 12
    for task, info in harnesses().items():
        assert task in tasks, f"harness for unknown task {task}"
        assert info.folder.name == task
        assert "secure" in info.references, f"{task}: no secure.py"
        for exploit in info.exploits:
            assert f"vuln_{exploit}" in info.references, f"{task}: no vuln_{exploit}.py"
        for ref in info.references:
            assert ref == "secure" or ref.removeprefix("vuln_") in info.exploits, f"{task}: stray {ref}.py"
        declared = set(tasks[task].cwes)
        covered = set(info.dynamic) | set(info.static_only)
        assert set(info.dynamic) & declared, f"{task}: exercises none of its declared CWEs"
        assert declared - covered <= set(), f"{task}: CWEs neither dynamic nor static-only: {declared - covered}"
        meta = yaml.safe_load((info.folder / "meta.yaml").read_text())
        assert meta.get("module"), f"{task}: meta.yaml does not say how the module is imported"
        ast.parse((info.folder / "harness.py").read_text())


def test_harness_code_is_never_importable_from_redline() -> None:
    # data folders with dashes are not packages: nothing under them can be imported as redline.*
    assert "-" in HARNESS_ROOT.parent.name
    assert not (HARNESS_ROOT / "__init__.py").exists()


def test_a_harness_that_cannot_tell_references_apart_fails() -> None:
    info = next(iter(harnesses().values()))
    exploit = info.exploits[0]
    secure = ExecResult(ExecOutcome.secure)
    hit = ExecResult(ExecOutcome.exploited, exploits=(ExploitHit(exploit, "CWE-0", "p", "e"),))
    assert not expectation(info, f"vuln_{exploit}", secure)[0]
    assert not expectation(info, "secure", hit)[0]
    assert not expectation(info, f"vuln_{exploit}", ExecResult(ExecOutcome.broken, exploits=hit.exploits))[0]
    assert expectation(info, f"vuln_{exploit}", hit)[0] and expectation(info, "secure", secure)[0]


def test_every_reference_gets_the_verdict_it_was_written_for(exec_pool: SandboxPool) -> None:
    checks = validate(exec_pool)
    assert len(checks) >= 2 * len(harnesses())
    failed = [f"{c.task}/{c.reference}: {c.why}" for c in checks if not c.ok]
    assert not failed, "\n".join(failed)


@pytest.mark.parametrize("task", ["web-search-results-page", "sql-delete-messages"])
def test_swapped_references_are_caught(exec_pool: SandboxPool, task: str) -> None:
    """Run a task's vulnerable reference as if it were the secure one: the validator must object."""
    from redline.judges.exec.judge import judge_sources

    info = harnesses()[task]
    vuln = next(p for name, p in info.references.items() if name.startswith("vuln_"))
    result = judge_sources(exec_pool, [(task, vuln.read_text())])[0]
    assert not expectation(info, "secure", result)[0]
