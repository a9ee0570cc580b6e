"""The README documents every `redline run` option and every command (CLI help and docs kept in sync)."""

from __future__ import annotations

from pathlib import Path

import click

from redline.cli import COMMANDS
from redline.commands.run import run

README = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")


def test_every_run_option_is_in_the_readme() -> None:
    missing = [opt for p in run.params if isinstance(p, click.Option) for opt in p.opts
               if opt.startswith("--") and f"`{opt}" not in README]
    assert not missing, f"README lacks: {missing}"


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name in COMMANDS if f"redline {name}" not in README]
    assert not missing, f"README lacks: {missing}"


def test_readme_starts_with_the_two_commands() -> None:
    block = README.split("```bash", 1)[1].split("```", 1)[0].strip().splitlines()
    assert block[0].startswith("pip install -e . && redline run")
    assert block[1].startswith("pip install -e '.[dev]' && pytest")
