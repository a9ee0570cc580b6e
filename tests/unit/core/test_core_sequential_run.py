"""`redline run --until-decided`: rounds nest, a clear effect stops early, and the history resumes."""

from __future__ import annotations

import json
from pathlib import Path

from redline.config import make_config
from redline.pipeline.audit import run_audit
from redline.pipeline.rounds import round_plan
from redline.records import Trial


def trial(i: int, cond: str) -> Trial:
    return Trial(trial_id=f"t{i}-{cond}", pair_key=f"p{i}", suite="s", suite_hash="h", case_id=f"c{i}",
                 condition_id=cond, condition_group="baseline" if cond == "baseline" else "sensitive",
                 replicate=0, mode="chat")


def test_round_plan_nests_and_respects_max_trials() -> None:
    trials = [trial(i, c) for i in range(40) for c in ("baseline", "x")]
    plans = round_plan(trials, max_trials=60, rounds=3, seed=1)
    assert [len(p) for p in plans] == [20, 40, 60]
    assert all({t.trial_id for t in a} <= {t.trial_id for t in b} for a, b in zip(plans, plans[1:], strict=False))
    assert all(len({t.condition_id for t in p if t.pair_key == k}) == 2 for p in plans for k in {t.pair_key for t in p})
    assert round_plan(trials, max_trials=60, rounds=3, seed=1)[0] == plans[0]
    assert round_plan(trials, max_trials=60, rounds=3, seed=2)[0] != plans[0]


def test_clear_effect_stops_before_the_last_round(runs_dir: Path) -> None:
    cfg = make_config(suites=("smoke",), model="scripted/effect", replicates=60, runs_dir=str(runs_dir),
                      run_id="seq", until_decided=True, rounds=6, conditions=("tibet-ics",), cache=False)
    result = run_audit(cfg, progress=False)
    state = json.loads((result.run.path / "sequential.json").read_text())
    assert state["done"] is True and state["round"] < state["rounds"]
    assert [d["status"] for d in state["decisions"]] == ["effect"]
    generated = len((result.run.path / "generations.jsonl").read_text().splitlines())
    assert generated < 360  # stopped early: fewer trials than the full plan
    again = run_audit(cfg, progress=False)  # resuming takes no look twice
    assert json.loads((again.run.path / "sequential.json").read_text())["round"] == state["round"]
    assert len((again.run.path / "generations.jsonl").read_text().splitlines()) == generated
