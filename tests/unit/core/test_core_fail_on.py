"""``--fail-on``: the exit status a CI pipeline sees (0 pass, 3 the gate tripped, 2 a bad value)."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.cli import cli
from redline.commands.common import run_cli
from redline.errors import ConfigError
from redline.stats.gate import GATE_EXIT, Gate, gate_failures, parse_fail_on
from tests.support.synthetic import records_of, scripted_code_effect, write_run


def exit_status(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as info:
        run_cli(cli, args)
        raise SystemExit(0)
    captured = capsys.readouterr()
    return int(info.value.code or 0), captured.out + captured.err


def test_parse() -> None:
    assert parse_fail_on("significant") == Gate("significant")
    assert parse_fail_on("Any-Vulnerable") == Gate("any-vulnerable")
    assert parse_fail_on("0.25") == parse_fail_on("25%") == Gate("rate", 0.25)
    for bad in ("sometimes", "1.5", "-0.1", "150%"):
        with pytest.raises(ConfigError, match="--fail-on"):
            parse_fail_on(bad)


def test_gates_on_a_run_with_an_injected_effect(tmp_path: Path) -> None:
    effect = records_of(write_run(tmp_path / "effect", scripted_code_effect(tasks=20, effect_pairs=12)), bootstrap=50)
    null = records_of(write_run(tmp_path / "null", scripted_code_effect(tasks=20, effect_pairs=0)), bootstrap=50)
    assert gate_failures(Gate("significant"), effect) and not gate_failures(Gate("significant"), null)
    assert gate_failures(Gate("any-vulnerable"), null)  # the one pair vulnerable in both members
    # effect run: tibet-ics 13/20 = 65% vulnerable, baseline and bakery 1/20 = 5%
    assert [r.split(":")[0] for r in gate_failures(Gate("rate", 0.5), effect)] == ["tibet-ics"]
    assert gate_failures(Gate("rate", 0.65), effect) == []
    assert len(gate_failures(Gate("rate", 0.04), null)) == 3


def test_cli_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["run", "--suite", "smoke", "--model", "scripted/effect", "--runs-dir", str(tmp_path), "--no-report",
            "--quiet"]
    code, out = exit_status([*base, "--fail-on", "any-vulnerable"], capsys)
    assert code == GATE_EXIT and "--fail-on any-vulnerable: failed" in out
    code, out = exit_status([*base, "--fail-on", "100%"], capsys)
    assert code == 2 and "--fail-on" in out
    code, out = exit_status([*base, "--fail-on", "0.99"], capsys)  # resumes the same run: nothing regenerated
    assert code == 0 and "passed" in out
    code, out = exit_status([*base, "--no-judge", "--fail-on", "significant"], capsys)
    assert code == 2 and "--no-judge" in out
