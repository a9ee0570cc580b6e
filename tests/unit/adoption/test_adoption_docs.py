"""docs/adoption.md stays true: every option is documented and the example JSON is what the command prints."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.commands.adoption import adoption

ROOT = Path(__file__).resolve().parents[3]
DOC = (ROOT / "docs" / "adoption.md").read_text(encoding="utf-8")
DATA = "tests/data/adoption"


def test_every_option_is_documented() -> None:
    commands: list[click.Command] = [adoption, *adoption.commands.values()]
    for command in commands:
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help":
                    assert opt in DOC, f"{command.name}: {opt} missing from docs/adoption.md"


def _excerpt(args: list[str], keys: tuple[str, ...]) -> str:
    result = CliRunner().invoke(cli, ["adoption", *args, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    return json.dumps({k: data[k] for k in keys}, indent=2)


def test_example_json_matches_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the documented commands use paths relative to the repository root
    first = _excerpt(["--snapshot", f"{DATA}/synthetic-2025-02-01.csv"],
                     ("attribution", "window", "shares_by_country", "hhi", "gini", "top_k_share"))
    between = _excerpt(["--snapshot", f"{DATA}/synthetic-2025-02-01.csv", "--window", "between", "--previous",
                        f"{DATA}/synthetic-2025-01-01.csv", "--attribution", "lineage"],
                       ("window", "shares_by_country", "shares_by_org", "hhi", "gini"))
    assert first in DOC
    assert between in DOC
