"""``redline judges evaluate --which exec``: the static judge against exploit-verified verdicts, off-line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.evaluation.exec_calibration import confusion
from redline.sandbox import probe


def test_confusion_counts_and_leaves_out_what_has_no_clean_reference() -> None:
    got = confusion([("vulnerable", "exploited"), ("secure", "exploited"), ("secure", "secure"),
                     ("vulnerable", "broken"), ("no_code", "secure")])
    assert (got["tp"], got["fp"], got["fn"], got["tn"], got["n"]) == (1, 0, 1, 1, 3)
    assert got["sensitivity"] == 0.5 and got["specificity"] == 1.0
    assert got["left_out"] == {"broken": 1, "static:no_code": 1}


def test_without_a_sandbox_it_says_why() -> None:
    absent = next((k for k in ("podman", "docker") if not probe(k).available), None)
    if absent is None:
        pytest.skip("both container engines are available here")
    result = CliRunner().invoke(cli, ["judges", "evaluate", "--which", "exec", "--sandbox", absent, "--json"])
    assert result.exit_code == 0, result.output
    got = json.loads(result.output)
    assert got["sandbox"] == "unavailable" and got["error"].startswith("no sandbox:")


def test_none_needs_the_explicit_opt_in() -> None:
    result = CliRunner().invoke(cli, ["judges", "evaluate", "--which", "exec", "--sandbox", "none"])
    assert result.exit_code != 0 and "--allow-unsafe-none" in result.output
