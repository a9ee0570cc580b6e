"""500 trials against a flaky endpoint (30% of attempts fail in every way we know) are all accounted for."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from redline.config import make_config
from redline.pipeline.audit import run_audit
from tests.support.fake_openai import Plan, fault_mix, serve


def _expected_attempts(plan: Plan, body: dict[str, Any], budget: int) -> tuple[int, bool]:
    """Attempts the plan makes a trial take (and whether it ends in error): known before the run starts."""
    for attempt in range(1, budget + 1):
        if plan(body, attempt) == "ok":
            return attempt, False
    return budget, True


def test_500_trials_at_30_percent_faults(runs_dir: Path) -> None:
    # Outcomes depend only on (request body, attempt number), never on timing: a normal answer has 30 s against
    # a busy machine, and the `slow` fault sleeps well past that timeout.
    plan = fault_mix(0.30, seed=7)
    with serve(plan, slow_s=40.0) as srv:
        cfg = make_config(suites=("smoke",), model="openai/m", base_url=srv.base_url, replicates=42, temperature=0.7,
                          code_mode="instruct", runs_dir=str(runs_dir), run_id="faults", judge=False, report=False,
                          retries=3, backoff_s=0.0, timeout_s=30.0, concurrency=64, cache=False)
        result = run_audit(cfg, progress=False)
        bodies = {json.dumps(b, sort_keys=True): b for b in srv.requests}
    lines = (result.run.path / "generations.jsonl").read_text(encoding="utf-8").splitlines()
    gens = [json.loads(line) for line in lines]
    ids = [g["trial_id"] for g in gens]
    planned = {json.loads(line)["trial_id"] for line in (result.run.path / "trials.jsonl").read_text().splitlines()}
    assert len(planned) == 504
    assert len(ids) == len(set(ids)) == 504 and set(ids) == planned  # one record per trial, no duplicates
    errors = [g for g in gens if g["error"] is not None]
    assert all(g["attempts"] == 4 for g in errors)  # an error only after the whole retry budget
    # every trial took exactly the attempts the seeded plan dictates, and errored exactly when the plan said so
    assert len(bodies) == 504
    expected = [_expected_attempts(plan, body, 4) for body in bodies.values()]
    assert Counter(g["attempts"] for g in gens) == Counter(n for n, _ in expected)
    assert len(errors) == sum(failed for _, failed in expected)
    assert 0 < len(errors) < 30  # 0.3^4 of 504: a handful
    assert sum(1 for g in gens if g["attempts"] > 1) > 504 * 0.2
    # the summary's counts match the files
    assert result.generation.errors == len(errors)
    assert result.generation.generated == 504 - len(errors)
    kinds = Counter(g["error_kind"] for g in errors)
    assert set(kinds) <= {"retryable", "timeout", "connection", "malformed"}
