"""Hostile run directories (found while testing beyond issue 16's list): a run file that is a FIFO or a link to
``/dev/zero``, a planted lock, links that point a run's writes elsewhere. Each is one line (or a skipped run in a
listing), never a hang, an endless read, or a write to a file outside the run."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import cli

pytestmark = pytest.mark.timeout(120)  # a regression here is a hang: fail it instead of stalling CI


@pytest.fixture(scope="module")
def good_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    runs = tmp_path_factory.mktemp("runs-src")
    out = CliRunner().invoke(cli, ["run", "--suite", "smoke", "--model", "scripted/echo", "--runs-dir", str(runs),
                                   "--run-id", "good", "--quiet", "--no-report"])
    assert out.exit_code == 0, out.output
    return runs / "good"


def _fifo(path: Path) -> None:
    path.unlink(missing_ok=True)
    os.mkfifo(path)


def _dev_zero(path: Path) -> None:
    path.unlink(missing_ok=True)
    path.symlink_to("/dev/zero")


HOSTILE: dict[str, tuple[str, Callable[[Path], None]]] = {
    "manifest-dev-zero": ("manifest.json", _dev_zero),
    "manifest-fifo": ("manifest.json", _fifo),
    "generations-dev-zero": ("generations.jsonl", _dev_zero),
    "verdicts-fifo": ("verdicts.jsonl", _fifo),
    "trials-fifo": ("trials.jsonl", _fifo),
    "stats-fifo": ("stats.json", _fifo),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_run_file_is_skipped_by_listing_and_one_line_elsewhere(name: str, good_run: Path,
                                                                        tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    shutil.copytree(good_run, runs / "good")
    shutil.copytree(good_run, runs / "bad")
    filename, plant = HOSTILE[name]
    plant(runs / "bad" / filename)
    listed = CliRunner().invoke(cli, ["runs", "--runs-dir", str(runs)])
    assert listed.exit_code == 0, listed.output
    assert "good\tcomplete" in listed.output  # the healthy run is still listed
    if filename != "stats.json":  # listing never reads stats.json
        assert f"skipping run bad: {runs / 'bad' / filename}: not a regular file" in listed.output
    for command in (["stats"], ["judge", "run"]):
        out = CliRunner().invoke(cli, [*command, str(runs / "bad")])
        if filename == "stats.json":  # replaced by the atomic write, never read
            assert out.exit_code == 0, out.output
            continue
        assert out.exit_code == 2, (command, out.output)
        assert len(out.output.strip().splitlines()) == 1 and "not a regular file" in out.output


def test_planted_links_never_send_a_run_s_writes_elsewhere(good_run: Path, tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    shutil.copytree(good_run, runs / "good")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\nno newline at the end")  # a torn tail a writer would cut
    before = victim.read_bytes()
    run = runs / "good"
    (run / ".lock").unlink(missing_ok=True)
    (run / ".lock").symlink_to(victim)  # opening the lock for writing must not truncate the target
    args = ["run", "--suite", "smoke", "--model", "scripted/echo", "--runs-dir", str(runs), "--run-id", "good",
            "--quiet", "--no-report"]
    out = CliRunner().invoke(cli, args)
    assert out.exit_code == 2 and "cannot write to this run directory" in out.output
    (run / ".lock").unlink()
    (run / "verdicts.jsonl").unlink()
    empty = tmp_path / "empty.txt"  # reads as no verdicts: only the writer can refuse it
    empty.write_text("")
    (run / "verdicts.jsonl").symlink_to(empty)  # appending verdicts must not append to the target
    out = CliRunner().invoke(cli, ["judge", "run", str(run)])
    assert out.exit_code == 2 and "symbolic link" in out.output, out.output
    assert victim.read_bytes() == before and empty.read_bytes() == b""


def test_a_planted_fifo_lock_is_one_line(good_run: Path, tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    shutil.copytree(good_run, runs / "good")
    _fifo(runs / "good" / ".lock")
    out = CliRunner().invoke(cli, ["stats", str(runs / "good")])
    assert out.exit_code == 2 and len(out.output.strip().splitlines()) == 1, out.output


def test_a_symlinked_run_directory_works(good_run: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "real"
    shutil.copytree(good_run, elsewhere)
    runs = tmp_path / "runs"
    runs.mkdir()
    (runs / "linked").symlink_to(elsewhere)  # a run directory kept on another disk: a supported layout
    out = CliRunner().invoke(cli, ["stats", "linked", "--runs-dir", str(runs)])
    assert out.exit_code == 0, out.output
    assert (elsewhere / "stats.json").is_file()
