"""The two shapes of statistics record (``stats/records.py``) and the one path from a record to JSON.

A fixed-shape row is a frozen dataclass whose field order is its JSON key order (``Fields``); a row whose keys vary
with the method that produced it keeps the row as written and is read through typed properties (``Row``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, ClassVar, Self

Interval = tuple[float | None, float | None]


def thaw(value: Any) -> Any:
    """A record or value as plain JSON types (tuples become lists, records their ``to_json``), copied."""
    if isinstance(value, Fields | Row):
        return value.to_json()
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [thaw(v) for v in value]
    return value


def number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def pair(values: Sequence[float | None]) -> Interval:
    """An interval's two limits as a record field (``Interval.as_list()`` gives a list)."""
    return values[0], values[1]


def interval(value: Any) -> Interval | None:
    if isinstance(value, list | tuple) and len(value) == 2:
        return number(value[0]), number(value[1])
    return None


class Fields:
    """A fixed-shape row: its dataclass fields, in order, are its JSON keys. Keys in ``optional`` are left out of
    the JSON when None (the builder adds them only sometimes)."""

    optional: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def from_json(cls, row: Mapping[str, Any], *, strict: bool = True) -> Self:
        """The record of a JSON row; ``strict`` refuses keys the record would drop (so ``to_json`` gives back the
        same row); readers of older ``stats.json`` files pass ``strict=False``."""
        names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
        unknown = [k for k in row if k not in names]
        if unknown and strict:
            raise ValueError(f"{cls.__name__}: unknown key(s) {unknown}")
        return cls(**{n: _freeze(row.get(n)) for n in names})

    def to_json(self) -> dict[str, Any]:
        return {f.name: thaw(getattr(self, f.name)) for f in fields(self)  # type: ignore[arg-type]
                if not (f.name in self.optional and getattr(self, f.name) is None)}


def _freeze(value: Any) -> Any:
    return tuple(_freeze(v) for v in value) if isinstance(value, list) else value


@dataclass(frozen=True)
class Row:
    """A row kept as written (its key order is the JSON's), read through typed properties."""

    row: Mapping[str, Any]

    @classmethod
    def from_json(cls, row: Mapping[str, Any], *, strict: bool = True) -> Self:
        return cls(thaw(row))

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = thaw(self.row)
        return out

    def _text(self, key: str) -> str:
        value = self.row.get(key)
        return "" if value is None else str(value)
