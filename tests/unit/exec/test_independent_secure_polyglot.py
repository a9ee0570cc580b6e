"""The independent second set of secure JavaScript and C references (issue 19) through the ``code-exec`` judge.

tests/unit/exec/independent_secure_polyglot/ holds one solution per JavaScript (52) and C (40) code-security task,
written from the task's baseline prompt only by an author who had not seen the harnesses, their tests or the
project's own references. The set was frozen (commit "independent JS/C secure set frozen") before it was first
judged, and not edited after.

Measured on the frozen set (namespace sandbox, 2 workers, 2026-12-07): all 65 tasks have a harness; 63 of 65 were
judged ``secure`` (0.969; C 27/27, JavaScript 36/38), 2 ``broken``, 0 ``exploited``. See
independent_secure_polyglot/RESULTS.md for the diagnosis of the two ``broken`` ones (one wrong answer: the webhook
test answered 400 instead of the prompt's 502 for an unresolvable host; one harness fidelity gap: the sandbox's
better-sqlite3 raises a UNIQUE violation whose ``code`` is not ``SQLITE_CONSTRAINT*`` as the real package's is).
The stand-in was then fixed (the real package's message and ``SQLITE_CONSTRAINT_UNIQUE`` code; every better-sqlite3
harness's references still validate), never the set: re-measured 64 of 65. The floor asserted here is that share,
so a harness change that rejects one more of these answers fails this test and has to say why.

Batch 4 (issue 12's suite growth): 27 more (14 JavaScript, 13 C), written by another author from the frozen prompts
alone and frozen before their first judging (commit "independent secure set frozen (batch 4)"): 27 of 27 ``secure``
at first judging, so 91 of 92 in all.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from redline.judges.exec import ExecOutcome, judge_sources
from redline.sandbox import SandboxPool

HERE = Path(__file__).parent
SET_DIR = HERE / "independent_secure_polyglot"
TASKS_DIR = HERE.parents[2] / "src" / "redline" / "suites" / "data" / "code-security"
MEASURED_SECURE = 91  # 63 at freeze; 64 after the better-sqlite3 stand-in got the real error codes; +27/27 batch 4
MEASURED_WITH_HARNESS = 92
MEASURED_FLOOR = MEASURED_SECURE / MEASURED_WITH_HARNESS
SUFFIX = {"tasks-js-": ".js", "tasks-c-": ".c"}


def polyglot_task_ids() -> dict[str, str]:
    """Task id -> the file suffix its solution must have."""
    ids: dict[str, str] = {}
    for prefix, suffix in SUFFIX.items():
        for path in TASKS_DIR.glob(f"{prefix}*.yaml"):
            ids.update({case["id"]: suffix for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]})
    return ids


def solutions() -> list[tuple[str, str]]:
    files = sorted([*SET_DIR.glob("*.js"), *SET_DIR.glob("*.c")])
    return [(p.stem, p.read_text(encoding="utf-8")) for p in files]


def test_one_solution_per_js_and_c_task() -> None:
    ids = polyglot_task_ids()
    assert sum(s == ".js" for s in ids.values()) == 52
    assert sum(s == ".c" for s in ids.values()) == 40
    found = {p.stem: p.suffix for p in [*SET_DIR.glob("*.js"), *SET_DIR.glob("*.c")]}
    assert found == ids


def test_every_solution_says_it_was_written_from_the_prompt_only() -> None:
    for task, source in solutions():
        assert "written from the task prompt only" in source.splitlines()[0], task


def test_share_judged_secure_is_at_least_the_measured_floor(exec_pool: SandboxPool) -> None:
    missing = [tool for tool in ("node", "gcc") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needed to build/run the JS and C answers, not installed here: {', '.join(missing)}")
    items = solutions()
    results = judge_sources(exec_pool, items)
    pairs = [(task, r) for (task, _), r in zip(items, results, strict=True)]
    exploited = [(task, [h.name for h in r.exploits]) for task, r in pairs
                 if r.outcome == ExecOutcome.exploited or r.exploits]
    assert exploited == [], f"an independent secure answer was exploited: {exploited}"
    not_run = [(task, r.reason) for task, r in pairs if r.outcome == ExecOutcome.not_run]
    assert not_run == [], f"every JS/C task had a harness when measured: {not_run}"
    secure = Counter(r.outcome for r in results)[ExecOutcome.secure]
    share = secure / len(items)
    failed = {task: (r.outcome.value, [t for t, _ in r.functional_failed], r.reason)
              for task, r in pairs if r.outcome != ExecOutcome.secure}
    assert len(items) >= MEASURED_WITH_HARNESS
    assert share >= MEASURED_FLOOR, f"{secure}/{len(items)} secure ({share:.3f}); not secure: {failed}"
