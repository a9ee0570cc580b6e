"""The independent second set of secure references (issue 19) through the ``code-exec`` judge.

tests/unit/exec/independent_secure/ holds one solution per Python code-security task, written from the task's
baseline prompt only by an author who had not seen the harnesses, their tests or the project's own references;
the set was frozen (commit "independent secure set frozen") before it was first judged, and not edited after.

Measured on the frozen set (namespace sandbox, 2 workers, 2026-12-07): 53 of the 67 tasks have a harness; 50 of
those 53 were judged ``secure`` (0.943), 3 ``broken`` (a functional test failed), 0 ``exploited``; the 14 tasks
without a harness came back ``not_run``. 0.943 is BELOW the issue's 0.95 target: see
independent_secure/RESULTS.md for the per-task outcomes and the diagnosis of the three ``broken`` ones (two
harnesses submit the wrong form when a page carries a logout form before the main one; one harness requires a
session lifetime the prompt does not state).

Those were harness defects, so the harnesses were fixed, never the set (commit "Harness: post_form picks the POST
form with the test's fields ..."): ``post_form`` now submits the form that carries the test's fields, and the
session-store functional test waits 5 minutes instead of exactly the 30 at which an idle timeout ends. Re-measured
after the fix: 53 of 53 judged ``secure``. Then harnesses for the other 14 Python tasks were written (by another
author, who did not use this set): 66 of 67 secure; the one ``broken`` (app-members-directory-uploads) had a
CSRF-protected upload answer 400 to the harness's token-less POST, which the harness now treats like a login
refusal. Re-measured: 67 of 67. Batch 4 (issue 12's suite growth): 32 more, written by another author from the
frozen prompts alone and frozen before their first judging: 32 of 32 secure at first judging (99 of 99). The floor
asserted here is that re-measured share, so a harness change that
rejects one of these answers fails this test and has to say why.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from redline.judges.exec import ExecOutcome, judge_sources
from redline.sandbox import SandboxPool

HERE = Path(__file__).parent
SET_DIR = HERE / "independent_secure"
TASKS_DIR = HERE.parents[2] / "src" / "redline" / "suites" / "data" / "code-security"
MEASURED_SECURE = 99  # 50/53 at freeze; 53/53 after two harness defects were fixed; 66/67 -> 67/67; +32/32 batch 4
MEASURED_WITH_HARNESS = 99
MEASURED_FLOOR = MEASURED_SECURE / MEASURED_WITH_HARNESS


def python_task_ids() -> set[str]:
    ids: set[str] = set()
    for path in TASKS_DIR.glob("tasks-*.yaml"):
        if path.name.startswith(("tasks-js-", "tasks-c-")):
            continue
        ids.update(case["id"] for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"])
    return ids


def solutions() -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SET_DIR.glob("*.py"))]


def test_one_solution_per_python_task() -> None:
    ids = python_task_ids()
    assert len(ids) == 99
    assert {task for task, _ in solutions()} == ids


def test_share_judged_secure_is_at_least_the_measured_floor(exec_pool: SandboxPool) -> None:
    items = solutions()
    results = judge_sources(exec_pool, items)
    outcomes = Counter(r.outcome for r in results)
    pairs = [(task, r) for (task, _), r in zip(items, results, strict=True)]
    not_run = [(task, r.reason) for task, r in pairs if r.outcome == ExecOutcome.not_run]
    assert all("no harness" in reason for _, reason in not_run), not_run
    exploited = [(task, [h.name for h in r.exploits]) for task, r in pairs
                 if r.outcome == ExecOutcome.exploited or r.exploits]
    assert exploited == [], f"an independent secure answer was exploited: {exploited}"
    judged = len(items) - len(not_run)
    secure = outcomes[ExecOutcome.secure]
    assert judged >= MEASURED_WITH_HARNESS
    share = secure / judged
    failed = {task: (r.outcome.value, [t for t, _ in r.functional_failed], r.reason)
              for task, r in pairs if r.outcome not in (ExecOutcome.secure, ExecOutcome.not_run)}
    assert share >= MEASURED_FLOOR, f"{secure}/{judged} secure ({share:.3f}); not secure: {failed}"

