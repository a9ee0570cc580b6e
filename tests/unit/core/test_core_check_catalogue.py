"""The check catalogue suites are validated against (data, ``redline/checks.json``) is exactly the set of checks
the code judge registers, with the same CWEs and titles."""

from __future__ import annotations

import pytest

from redline.judges.code.checks import CHECKS
from redline.registry import check_catalogue


def test_catalogue_data_matches_registered_checks() -> None:
    registered = {c.id: {"cwes": tuple(c.cwes), "title": c.title} for c in CHECKS.values()}
    assert check_catalogue() == registered


def test_checks_register_with_the_decorator_and_ids_are_unique() -> None:
    from redline.judges.code.checks.catalogue import CHECKS as registered
    from redline.judges.code.checks.catalogue import check

    assert registered is CHECKS and registered["sql-parameterized"].cwes == ("CWE-89",)
    with pytest.raises(ValueError, match="registered twice"):
        check("sql-parameterized", cwes=("CWE-89",), title="again")(lambda program: [])
    assert registered["sql-parameterized"].title == "SQL uses placeholders"
