"""The check catalogue suites are validated against (data, ``redline/checks.json``) is exactly the set of checks
the code judge registers, with the same CWEs and titles."""

from __future__ import annotations

from redline.judges.code.checks import CHECKS
from redline.registry import check_catalogue


def test_catalogue_data_matches_registered_checks() -> None:
    registered = {c.id: {"cwes": tuple(c.cwes), "title": c.title} for c in CHECKS.values()}
    assert check_catalogue() == registered
