"""Which downloads are counted: the Hub's last 30 days, all time, or the growth between two snapshots.

The Hub reports a rolling 30-day count and an all-time count per repository; neither gives an arbitrary period,
so a period is the difference of all-time counts in two saved snapshots. Models that appear only in the later
snapshot count from zero if they were created after the earlier snapshot was taken; otherwise their earlier
count is unknown (they were outside the earlier listing) and they are left out and reported.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from redline.adoption.snapshot import Snapshot
from redline.errors import InputError


class WindowKind(StrEnum):
    last_30d = "30d"
    all_time = "all"
    between = "between"


@dataclass(frozen=True)
class Window:
    """Downloads per model in one window, with what had to be left out or adjusted."""

    kind: WindowKind
    start: datetime | None
    end: datetime
    counts: Mapping[str, int]
    notes: Mapping[str, Any] = field(default_factory=dict)

    def describe(self) -> dict[str, Any]:
        return {
            "name": self.kind.value,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat(),
            "models_counted": len(self.counts),
            **self.notes,
        }


def window_counts(current: Snapshot, kind: WindowKind | str, previous: Snapshot | None = None) -> Window:
    """Downloads per model for the requested window."""
    kind = WindowKind(kind)
    if kind is WindowKind.last_30d:
        counts = {m.id: m.downloads for m in current.models}
        return Window(kind, current.taken_at - timedelta(days=30), current.taken_at, counts)
    if kind is WindowKind.all_time:
        return Window(kind, None, current.taken_at, _all_time(current))
    if previous is None:
        raise InputError("the 'between' window needs a previous snapshot (--previous FILE)")
    return _between(current, previous)


def _all_time(snapshot: Snapshot) -> dict[str, int]:
    missing = [m.id for m in snapshot.models if m.downloads_all_time is None]
    if missing:
        raise InputError(
            f"{snapshot.source}: downloads_all_time is empty for {len(missing)} model(s) (first: {missing[0]}); "
            "the 'all' and 'between' windows need it"
        )
    return {m.id: int(m.downloads_all_time or 0) for m in snapshot.models}


def _between(current: Snapshot, previous: Snapshot) -> Window:
    if previous.taken_at >= current.taken_at:
        raise InputError(
            f"{previous.source}: previous snapshot ({previous.taken_at.date()}) is not older than "
            f"{current.source} ({current.taken_at.date()})"
        )
    now, before = _all_time(current), _all_time(previous)
    counts: dict[str, int] = {}
    new_models: list[str] = []
    unknown_start: list[str] = []
    decreased: list[str] = []
    for row in current.models:
        if row.id in before:
            diff = now[row.id] - before[row.id]
            if diff < 0:  # counts can be revised downwards; never credit negative downloads
                decreased.append(row.id)
                diff = 0
            counts[row.id] = diff
        elif row.created_at is not None and row.created_at > previous.taken_at:
            counts[row.id] = now[row.id]
            new_models.append(row.id)
        else:
            unknown_start.append(row.id)
    dropped = sorted(set(before) - set(now))
    notes = {
        "previous_source": previous.source,
        "new_models": len(new_models),
        "left_out_not_in_previous": len(unknown_start),
        "left_out_examples": sorted(unknown_start)[:5],
        "decreased_counts_set_to_zero": len(decreased),
        "dropped_since_previous": len(dropped),
    }
    return Window(WindowKind.between, previous.taken_at, current.taken_at, counts, notes)
