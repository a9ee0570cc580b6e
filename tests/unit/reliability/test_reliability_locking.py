"""Concurrent writers of one run (issue 16, "Why" 5): ``redline stats`` and ``redline report`` take the run lock
(waiting for it), and every atomic write goes through its own temp file. Ordered with barriers and events, never
sleeps: each test forces the overlap it checks instead of hoping for it."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.config import make_config
from redline.errors import StoreError
from redline.pipeline.audit import run_audit
from redline.store import jsonl
from redline.store.run_dir import RunDir

WAIT = 60  # seconds: only a guard against a hung test, never part of what is checked


def test_two_writers_in_flight_at_once_use_different_temp_files(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "stats.json"
    both_written = threading.Barrier(2, timeout=WAIT)
    temps: list[str] = []
    real_replace = os.replace

    def replace(src: Any, dst: Any) -> None:
        temps.append(str(src))
        both_written.wait()  # both temp files are complete and on disk before either is renamed
        real_replace(src, dst)

    monkeypatch.setattr(jsonl.os, "replace", replace)
    texts = [json.dumps({"writer": n, "pad": str(n) * 50_000}) for n in range(2)]
    threads = [threading.Thread(target=jsonl.write_text_atomic, args=(target, t)) for t in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(WAIT)
    assert len(temps) == 2 and temps[0] != temps[1]
    assert target.read_text(encoding="utf-8") in texts  # one writer's whole text, never a mix
    assert [p.name for p in tmp_path.iterdir()] == ["stats.json"]


def test_lock_with_wait_waits_for_the_holder(tmp_path: Path) -> None:
    run = RunDir(tmp_path / "run")
    waiting = threading.Event()
    got: list[bool] = []

    def second() -> None:
        with run.lock(wait=True, on_wait=waiting.set):
            got.append(True)

    with run.lock():
        with pytest.raises(StoreError, match="another redline process"):
            run.lock()  # a run refuses a second writer outright
        thread = threading.Thread(target=second)
        thread.start()
        assert waiting.wait(WAIT)
        assert not got  # still waiting while the first holder has it
    thread.join(WAIT)
    assert got == [True]


def _small_run(runs_dir: Path) -> RunDir:
    cfg = make_config(suites=("smoke",), model="scripted/effect", code_mode="instruct", runs_dir=str(runs_dir),
                      run_id="locked", judge=True, report=False, cache=False)
    return run_audit(cfg, progress=False).run


@pytest.mark.parametrize(("command", "written"), [(["stats"], "stats.json"),
                                                  (["report", "--format", "md"], "report.md")])
def test_stats_and_report_commands_write_under_the_run_lock(runs_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                                            command: list[str], written: str) -> None:
    run = _small_run(runs_dir)
    (run.path / written).unlink(missing_ok=True)
    waiting = threading.Event()
    real_lock = RunDir.lock

    def lock(self: RunDir, *, wait: bool = False, on_wait: Callable[[], None] | None = None) -> Any:
        def told() -> None:
            waiting.set()
            if on_wait is not None:
                on_wait()
        return real_lock(self, wait=wait, on_wait=told)

    monkeypatch.setattr(RunDir, "lock", lock)
    results: list[Any] = []
    with run.lock():  # another process (here: this test) is writing the run
        thread = threading.Thread(target=lambda: results.append(
            CliRunner().invoke(cli, [*command, str(run.path)])))
        thread.start()
        assert waiting.wait(WAIT)  # the command reached the lock and waits for it
        assert not (run.path / written).exists()  # nothing written while the lock is held elsewhere
    thread.join(WAIT)
    assert results and results[0].exit_code == 0, results[0].output
    assert (run.path / written).exists()
    assert not [p for p in run.path.iterdir() if p.name.endswith(".tmp")]


def test_unwritable_run_directory_is_one_line(tmp_path: Path) -> None:
    in_the_way = tmp_path / "run"
    in_the_way.write_text("a file where the run directory should be")
    with pytest.raises(StoreError, match="cannot write to this run directory"):
        RunDir(in_the_way).lock()
    if os.geteuid() != 0:  # root ignores directory permissions
        read_only = tmp_path / "ro"
        read_only.mkdir()
        read_only.chmod(0o500)
        try:
            with pytest.raises(StoreError, match="cannot write to this run directory"):
                RunDir(read_only).lock()
        finally:
            read_only.chmod(0o700)
