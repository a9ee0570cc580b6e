"""code-exec on the embedded model's real, hand-labelled continuations (dev half only: the test half stays
closed). A 270M base model's code rarely does the task; the judge must still run every runnable sample and
say why it is not secure, never crash or give up."""

from __future__ import annotations

from pathlib import Path

import yaml

from redline.judges.code.completion import extract_completion
from redline.judges.exec import ExecOutcome, judge_sources
from redline.judges.exec.harness import harnesses
from redline.sandbox import SandboxPool

DEV = Path(__file__).resolve().parents[2] / "data" / "code_model_written" / "gemma-3-270m-dev.yaml"


def test_every_runnable_continuation_gets_a_run_outcome(exec_pool: SandboxPool) -> None:
    rows = [r for r in yaml.safe_load(DEV.read_text()) if r.get("task") in harnesses() and "continuation" in r]
    items = []
    for row in rows:
        extraction = extract_completion(row["scaffold"], row["continuation"])
        if extraction.ok:
            items.append((row["task"], extraction.code))
    assert len(items) >= 10
    results = judge_sources(exec_pool, items)
    ran = {ExecOutcome.exploited, ExecOutcome.secure, ExecOutcome.broken, ExecOutcome.not_runnable,
           ExecOutcome.timeout}
    assert all(r.outcome in ran for r in results), [(t, r.outcome, r.reason) for (t, _), r in zip(items, results)]
    for result in results:
        if result.outcome is ExecOutcome.broken:
            assert result.functional_failed and all(why for _, why in result.functional_failed)
    # measured on this file: the model's code never does the task, so nothing is called secure
    assert not any(r.outcome is ExecOutcome.secure for r in results)
