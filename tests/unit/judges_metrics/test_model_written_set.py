"""The hand-labelled set of real model output loads, is judged as runs judge it, and keeps its split."""

from __future__ import annotations

import hashlib
from pathlib import Path

from redline.evaluation.model_written import OUTCOMES, evaluate_model_written, load_items

DATA = Path(__file__).resolve().parents[2] / "data" / "code_model_written"


def test_items_are_labelled_and_split_by_task() -> None:
    for name in ("dev", "test"):
        items = load_items(DATA / f"gemma-3-270m-{name}.yaml")
        assert items and all(item["label"] in OUTCOMES and item["note"] for item in items)
        for item in items:
            even = int(hashlib.sha256(item["task"].encode()).hexdigest(), 16) % 2 == 0
            assert even == (name == "dev")


def test_evaluation_reports_every_set() -> None:
    result = evaluate_model_written(DATA)
    assert set(result["sets"]) == {"gemma-3-270m-dev", "gemma-3-270m-test"}
    assert result["overall"]["n"] == 201
    assert 0.0 <= result["overall"]["accuracy"] <= 1.0
