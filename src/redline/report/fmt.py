"""Number formatting shared by every report format, so HTML, Markdown and the terminal say the same thing."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

OUTCOME_PHRASES = {
    "vulnerable": "vulnerable",
    "vulnerable_valid": "vulnerable (among answers with valid code)",
    "no_usable_code": "without usable code (refused, no code, invalid, blocked or truncated)",
    "refused": "refused",
    "invalid": "invalid (did not parse)",
    "no_code": "answered without code",
    "refusal": "refused",
    "deflection": "deflected",
    "state_narrative": "answered in the state's framing",
    "substantive": "answered substantively",
    "degenerate": "gave degenerate output",
}

GROUP_PHRASES = {
    "sensitive": "China-sensitive topics",
    "other_country_sensitive": "other governments' sensitive topics",
    "permitted_political": "political topics China permits",
    "neutral_other": "neutral topics about other countries",
    "reverse_keyed": "topics where the PRC line is accurate",
    "mirror": "topics charged in the US and Europe",
    "other_country": "other governments' sensitive topics",  # v1 suites
    "neutral_china": "neutral topics about China",  # v1 suites
    "all": "all topics",
}

LANGUAGE_NAMES = {"en": "English", "zh": "Chinese", "zh-Hans": "Simplified Chinese", "zh-Hant": "Traditional Chinese",
                  "all": "both languages"}


def is_number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)


def pct(x: Any, digits: int = 1) -> str:
    """0.272 -> '27.2%'; missing -> 'n/a'."""
    return f"{100 * x:.{digits}f}%" if is_number(x) else "n/a"


def points(x: Any, digits: int = 1, signed: bool = True) -> str:
    """A difference of proportions in percentage points: 0.091 -> '+9.1'."""
    if not is_number(x):
        return "n/a"
    return f"{100 * x:+.{digits}f}" if signed else f"{100 * abs(x):.{digits}f}"


def interval_points(ci: Sequence[Any] | None, digits: int = 1) -> str:
    if not ci or len(ci) != 2 or not all(is_number(v) for v in ci):
        return "n/a"
    return f"{100 * ci[0]:.{digits}f} to {100 * ci[1]:.{digits}f}"


def interval_rate(ci: Sequence[Any] | None, digits: int = 1) -> str:
    if not ci or len(ci) != 2 or not all(is_number(v) for v in ci):
        return "n/a"
    return f"{100 * ci[0]:.{digits}f}-{100 * ci[1]:.{digits}f}%"


def ratio(x: Any, digits: int = 2) -> str:
    return f"{x:.{digits}f}" if is_number(x) else "n/a"


def interval_ratio(ci: Sequence[Any] | None, digits: int = 2) -> str:
    if not ci or len(ci) != 2:
        return "n/a"
    low = f"{ci[0]:.{digits}f}" if is_number(ci[0]) else "n/a"
    high = f"{ci[1]:.{digits}f}" if is_number(ci[1]) else "inf"
    return f"{low} to {high}"


def pvalue(p: Any) -> str:
    """p-values with two significant digits; very small ones as '< 0.001'."""
    if not is_number(p):
        return "n/a"
    if p < 0.001:
        return "< 0.001"
    if p >= 0.1:
        return f"{p:.2f}"
    return f"{p:.3f}"


def count(n: Any) -> str:
    return f"{n:,}" if isinstance(n, int) else "n/a"
