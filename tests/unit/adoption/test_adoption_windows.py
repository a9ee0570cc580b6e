"""Download windows: last 30 days, all time, and the difference between two snapshots."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from redline.adoption.snapshot import ModelRow, Snapshot, read_snapshot
from redline.adoption.windows import window_counts
from redline.errors import InputError

DATA = Path(__file__).resolve().parents[2] / "data" / "adoption"
CURRENT = read_snapshot(DATA / "synthetic-2025-02-01.csv")
PREVIOUS = read_snapshot(DATA / "synthetic-2025-01-01.csv")


def test_last_30_days_uses_the_downloads_column() -> None:
    win = window_counts(CURRENT, "30d")
    assert win.counts["Qwen/Qwen2.5-7B"] == 300
    assert sum(win.counts.values()) == 1000
    assert win.start == datetime(2025, 1, 2, tzinfo=UTC)
    assert win.end == datetime(2025, 2, 1, tzinfo=UTC)


def test_all_time() -> None:
    win = window_counts(CURRENT, "all")
    assert win.counts["meta-llama/Llama-3.1-8B"] == 6000
    assert sum(win.counts.values()) == 5000 + 3000 + 6000 + 2000 + 400 + 4000 + 50 + 0
    assert win.start is None


def test_between_two_snapshots() -> None:
    win = window_counts(CURRENT, "between", PREVIOUS)
    assert win.counts == {
        "Qwen/Qwen2.5-7B": 300,
        "Qwen/Qwen2.5-7B-Instruct": 200,
        "meta-llama/Llama-3.1-8B": 200,
        "bartowski/Qwen2.5-7B-Instruct-GGUF": 200,
        "someuser/llama-qwen-merge": 100,
        "mistralai/Mistral-7B-v0.1": 50,
        "anon/r1-distill-ft": 50,  # created after the previous snapshot: counted from zero
        "anon/qwen-lora": 0,
    }
    assert win.notes["new_models"] == 2
    assert win.notes["dropped_since_previous"] == 1  # gone/removed-model
    assert win.notes["left_out_not_in_previous"] == 0
    assert win.start == PREVIOUS.taken_at


def _one(model_id: str, all_time: int | None, created: datetime | None, taken: datetime) -> Snapshot:
    row = ModelRow(id=model_id, author="a", downloads=0, downloads_all_time=all_time, created_at=created)
    return Snapshot(taken_at=taken, models=(row,), source=f"snap-{taken.date()}")


def test_between_leaves_out_old_models_missing_from_the_previous_listing() -> None:
    jan, feb = datetime(2025, 1, 1, tzinfo=UTC), datetime(2025, 2, 1, tzinfo=UTC)
    previous = _one("a/other", 10, jan, jan)
    current = _one("a/old-but-unlisted", 900, datetime(2024, 6, 1, tzinfo=UTC), feb)
    win = window_counts(current, "between", previous)
    assert win.counts == {}
    assert win.notes["left_out_not_in_previous"] == 1
    assert win.notes["left_out_examples"] == ["a/old-but-unlisted"]


def test_between_never_credits_negative_downloads() -> None:
    jan, feb = datetime(2025, 1, 1, tzinfo=UTC), datetime(2025, 2, 1, tzinfo=UTC)
    win = window_counts(_one("a/m", 90, jan, feb), "between", _one("a/m", 100, jan, jan))
    assert win.counts == {"a/m": 0}
    assert win.notes["decreased_counts_set_to_zero"] == 1


def test_between_errors() -> None:
    with pytest.raises(InputError, match="needs a previous snapshot"):
        window_counts(CURRENT, "between")
    with pytest.raises(InputError, match="is not older than"):
        window_counts(PREVIOUS, "between", CURRENT)
    jan, feb = datetime(2025, 1, 1, tzinfo=UTC), datetime(2025, 2, 1, tzinfo=UTC)
    with pytest.raises(InputError, match="snap-2025-02-01: downloads_all_time is empty for 1 model"):
        window_counts(_one("a/m", None, jan, feb), "all")


def test_unknown_window_name() -> None:
    with pytest.raises(ValueError):
        window_counts(CURRENT, "7d")
