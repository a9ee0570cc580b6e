"""One contrast of a run's statistics as a typed record (``Stats.contrasts``, ``matched``, ``language``, ``topics``,
``did``). Its five shapes (condition vs baseline, matched control, language, topic, difference in differences)
carry method-specific keys that vary with the test used, so the record keeps the row as the builder wrote it
(its key order is ``stats.json``'s) and gives typed access to what readers need."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from redline.stats.rows import Interval, Row, interval, number


@dataclass(frozen=True)
class Contrast(Row):
    """One contrast: a difference between two rates with its interval, test and family adjustment."""

    @property
    def id(self) -> str:
        return self._text("id")

    @property
    def kind(self) -> str:
        return self._text("kind")

    @property
    def outcome(self) -> str:
        return self._text("outcome")

    @property
    def family(self) -> str:
        """``confirmatory`` / ``exploratory`` (the matched contrasts' own family is ``secondary`` before
        adjustment); empty when not adjusted."""
        return self._text("family")

    @property
    def condition(self) -> str:
        return self._text("condition")

    @property
    def condition_group(self) -> str:
        return self._text("condition_group")

    @property
    def control(self) -> str:
        """The matched control (matched contrasts) or the control topic group (topic contrasts, DiD)."""
        return self._text("control")

    @property
    def segment(self) -> str:
        """Which questions a language contrast covers (``all`` / a topic group)."""
        return self._text("segment")

    @property
    def language(self) -> str:
        """A topic contrast's language (``en``, ``zh``, ``all``)."""
        return self._text("language")

    @property
    def n_pairs(self) -> int | None:
        value = self.row.get("n_pairs")
        return int(value) if isinstance(value, int | float) else None

    @property
    def clusters(self) -> int | None:
        value = self.row.get("clusters")
        return int(value) if isinstance(value, int | float) else None

    @property
    def difference(self) -> float | None:
        return number(self.row.get("difference"))

    @property
    def ci(self) -> Interval | None:
        return interval(self.row.get("ci"))

    @property
    def p(self) -> float | None:
        return number(self.row.get("p"))

    @property
    def p_adjusted(self) -> float | None:
        return number(self.row.get("p_adjusted"))

    @property
    def p_holm(self) -> float | None:
        return number(self.row.get("p_holm"))

    @property
    def adjust_method(self) -> str:
        return self._text("adjust_method")

    @property
    def significant(self) -> bool:
        return bool(self.row.get("significant"))

    @property
    def reliable(self) -> bool:
        return bool(self.row.get("reliable", True))

    @property
    def note(self) -> str:
        return self._text("note")

    @property
    def testable(self) -> bool:
        """False when no test could reject (no discordant pair, no variation): left out of its family's size."""
        return bool(self.row.get("testable", True))

    @property
    def table(self) -> Mapping[str, int]:
        """The paired 2x2 table (``both``, ``<first>_only``, ``<second>_only``, ``neither``), when paired."""
        value = self.row.get("table")
        return value if isinstance(value, Mapping) else {}

    def with_fields(self, **updates: Any) -> Contrast:
        """The same contrast with fields set (new keys after the existing ones, as a dict update would)."""
        return Contrast({**self.row, **updates})

    def rate(self, which: str) -> float | None:
        """One of the contrast's rates by its key (``rate_baseline``, ``rate_control``, ``rate_en``, ``rate1``...)."""
        return number(self.row.get(which))

    @property
    def rates(self) -> tuple[float | None, float | None]:
        """(reference rate, compared rate): baseline / control / English / control topics first."""
        for first, second in (("rate_baseline", "rate_condition"), ("rate_control", "rate_condition"),
                              ("rate_en", "rate_zh"), ("rate2", "rate1"), ("gap_control", "gap_group")):
            if first in self.row:
                return self.rate(first), self.rate(second)
        return None, None

    @property
    def bounds(self) -> Bounds | None:
        """Vulnerable-given-valid matched contrasts: bounds over the pairs lost to no usable code."""
        value = self.row.get("bounds")
        return Bounds.from_json(value) if isinstance(value, Mapping) else None


@dataclass(frozen=True)
class Bounds(Row):
    @property
    def complete_pairs(self) -> int:
        return int(self.row.get("complete_pairs") or 0)

    @property
    def lost_pairs(self) -> int:
        return int(self.row.get("lost_pairs") or 0)

    @property
    def lower(self) -> float | None:
        return number(self.row.get("lower"))

    @property
    def upper(self) -> float | None:
        return number(self.row.get("upper"))

    @property
    def ci(self) -> Interval | None:
        return interval(self.row.get("ci"))
