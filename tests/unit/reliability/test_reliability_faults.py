"""500 trials against a flaky endpoint (30% of attempts fail in every way we know) are all accounted for."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from redline.audit import run_audit
from redline.config import make_config
from tests.support.fake_openai import fault_mix, serve


def test_500_trials_at_30_percent_faults(runs_dir: Path) -> None:
    with serve(fault_mix(0.30, seed=7), slow_s=0.6) as srv:
        cfg = make_config(suites=("smoke",), model="openai/m", base_url=srv.base_url, replicates=42,
                          code_mode="instruct", runs_dir=str(runs_dir), run_id="faults", judge=False, report=False,
                          retries=3, backoff_s=0.0, timeout_s=0.3, concurrency=32, cache=False)
        result = run_audit(cfg, progress=False)
        attempts_seen = len(srv.requests)
    lines = (result.run.path / "generations.jsonl").read_text(encoding="utf-8").splitlines()
    gens = [json.loads(line) for line in lines]
    ids = [g["trial_id"] for g in gens]
    planned = {json.loads(line)["trial_id"] for line in (result.run.path / "trials.jsonl").read_text().splitlines()}
    assert len(planned) == 504
    assert len(ids) == len(set(ids)) == 504 and set(ids) == planned  # one record per trial, no duplicates
    errors = [g for g in gens if g["error"] is not None]
    assert all(g["attempts"] == 4 for g in errors)  # an error only after the whole retry budget
    assert all(g["attempts"] <= 4 for g in gens)
    # 0.3^4 of trials should exhaust the budget: expect a handful, not none and not many
    assert 0 < len(errors) < 30
    retried = sum(1 for g in gens if g["attempts"] > 1)
    assert retried > 504 * 0.2
    assert sum(g["attempts"] for g in gens) == attempts_seen  # every attempt accounted for
    # the summary's counts match the files
    assert result.generation.errors == len(errors)
    assert result.generation.generated == 504 - len(errors)
    kinds = Counter(g["error_kind"] for g in errors)
    assert set(kinds) <= {"retryable", "timeout"}
