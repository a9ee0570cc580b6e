"""Regular expressions that first look for a literal every match must contain.

The checks search whole programs with long case-insensitive alternations (``expir|max_age|ttl|...``); CPython's
engine tries every branch at every position, about 0.3 ms a program each. ``Hinted.search`` first asks whether
the lower-cased text holds one of the pattern's *anchors* - for each top-level branch, a run of ASCII literal
characters that any match of the branch contains - and answers "no match" at once when none is there.

That answer is exact for ASCII text: an ASCII character matches an ASCII literal, with or without IGNORECASE,
only when both lower-case to the same letter. Text with other characters (where IGNORECASE also pairs ``ſ``
with ``s`` or ``K`` with ``k``), and patterns whose branches have no literal run, always go to the regex.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

MIN_ANCHOR = 2

try:  # the regex parser is private; without it every search simply runs the regex
    _PARSER: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - Python < 3.11
    _PARSER = None


def _runs(items: list[tuple[Any, Any]]) -> list[str]:
    """Runs of consecutive ASCII literals in one branch (a sequence of parsed items)."""
    runs, current = [], ""
    for op, av in items:
        if str(op) == "LITERAL" and av < 128:
            current += chr(av)
            continue
        if current:
            runs.append(current)
        current = ""
    return [*runs, current] if current else runs


def _anchors(items: list[tuple[Any, Any]], depth: int = 0) -> set[str] | None:
    """Literals (lower-cased) one of which every match of ``items`` contains; None when not known."""
    best: set[str] | None = None
    runs = [r for r in _runs(items) if len(r) >= MIN_ANCHOR]
    if runs:
        best = {max(runs, key=len).lower()}
    if depth > 8:
        return best
    for op, av in items:
        found: set[str] | None = None
        if str(op) == "SUBPATTERN":
            found = _anchors(list(av[-1]), depth + 1)
        elif str(op) == "BRANCH":
            parts = [_anchors(list(branch), depth + 1) for branch in av[1]]
            found = set().union(*parts) if all(p is not None for p in parts) else None  # type: ignore[arg-type]
        if found is not None and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found
    return best


def anchors(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    if _PARSER is None:
        return None
    try:
        parsed = _PARSER.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unparsable pattern is left to the regex itself
        return None
    found = _anchors(list(parsed))
    return tuple(sorted(found)) if found else None


class Hinted:
    """A compiled pattern whose ``search`` skips texts that cannot match (see the module note)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.regex = re.compile(pattern, flags)
        self.pattern = self.regex.pattern
        self.anchors = anchors(self.regex)

    def search(self, text: str) -> re.Match[str] | None:
        if self.anchors is not None and text.isascii():
            low = text.lower()
            if not any(a in low for a in self.anchors):
                return None
        return self.regex.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        return self.regex.match(text)


def hinted(pattern: str, flags: int = 0) -> Hinted:
    return Hinted(pattern, flags)
