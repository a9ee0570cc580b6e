"""The check catalogue: ``@check(id, cwes=..., title=...)`` registers a per-task check under its catalogue id.

A check is a function of a parsed ``Program`` returning findings (empty: it passed). Suites reference the ids;
``redline/checks.json`` holds the same catalogue as data so suites are validated without importing judge code,
and a test keeps the two equal (regenerate with ``python -m redline.judges.code.checks.catalogue``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib.resources import files
from typing import TypeVar

from redline.judges.code.analysis.program import Check, Program
from redline.records import Finding

CheckFn = Callable[[Program], list[Finding]]
F = TypeVar("F", bound=CheckFn)

CHECKS: dict[str, Check] = {}


def check(check_id: str, *, cwes: tuple[str, ...], title: str) -> Callable[[F], F]:
    """Register the decorated function as the check ``check_id`` (ids are unique)."""

    def register(fn: F) -> F:
        if check_id in CHECKS:
            raise ValueError(f"check {check_id!r} is registered twice")
        CHECKS[check_id] = Check(id=check_id, cwes=cwes, title=title, run=fn)
        return fn

    return register


def catalogue_data() -> dict[str, object]:
    """The registered checks as the data file ``redline/checks.json`` stores them."""
    from redline.judges.code.checks import CHECKS as registered  # importing the package registers every check

    return {"_about": "Catalogue of the code judge's per-task checks, as data: suites are validated against it "
                      "without importing judge code. A test keeps it equal to the registered checks; regenerate "
                      "with `python -m redline.judges.code.checks.catalogue`.",
            "checks": [{"id": c.id, "cwes": list(c.cwes), "title": c.title} for c in registered.values()]}


if __name__ == "__main__":
    target = files("redline").joinpath("checks.json")
    text = json.dumps(catalogue_data(), indent=1, ensure_ascii=False) + "\n"
    with open(str(target), "w", encoding="utf-8") as fh:
        fh.write(text)
