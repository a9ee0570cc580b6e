"""Plans are sets: a suite named twice is sent once, a run id's audit is fixed at creation, --fresh run ids
never collide, and concurrent writers of one file never share a temp name."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import pytest

from redline.backends.scripted import ScriptedBackend
from redline.config import make_config
from redline.errors import ConfigError, StoreError
from redline.pipeline.audit import run_audit
from redline.pipeline.plan import open_run, unique_suites
from redline.store.jsonl import write_json_atomic
from redline.suites.loader import resolve_suite


def test_a_suite_named_twice_is_sent_once(runs_dir: Path) -> None:
    backend = ScriptedBackend("echo")
    cfg = make_config(suites=("smoke", "smoke"), model="scripted/echo", runs_dir=str(runs_dir), judge=False,
                      report=False, cache=False)
    result = run_audit(cfg, backend=backend, progress=False)
    assert cfg.suites == ("smoke",)
    assert result.trials == 12 and backend.calls == 12


def test_two_different_suites_with_one_name_are_an_error() -> None:
    smoke = resolve_suite("smoke")
    other = dataclasses.replace(smoke, version=smoke.version + "-other")
    assert unique_suites([smoke, smoke]) == [smoke] and other.hash != smoke.hash
    with pytest.raises(ConfigError, match="two different suites"):
        unique_suites([smoke, other])


def test_conflicting_reuse_of_a_run_id_is_one_line(runs_dir: Path) -> None:
    cfg = make_config(suites=("smoke",), model="scripted/echo", runs_dir=str(runs_dir), run_id="fixed",
                      judge=False, report=False)
    run_audit(cfg, progress=False)
    for change in ({"replicates": 2}, {"suites": ("smoke", "code-security")}, {"max_tokens": 99}):
        with pytest.raises(StoreError) as info:
            run_audit(cfg.model_copy(update=change), progress=False)
        assert "\n" not in str(info.value) and "--run-id" in str(info.value)


def test_fresh_run_ids_are_unique_even_when_started_together(runs_dir: Path) -> None:
    cfg = make_config(suites=("smoke",), model="scripted/echo", runs_dir=str(runs_dir), judge=False, report=False)
    run_audit(cfg, progress=False)
    fresh = cfg.model_copy(update={"fresh": True})
    claimed: list[Path] = []
    lock = threading.Lock()

    def claim() -> None:
        path = open_run(fresh).path
        with lock:
            claimed.append(path)

    threads = [threading.Thread(target=claim) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(claimed) == 8 and len(set(claimed)) == 8


def test_concurrent_atomic_writes_use_unique_temp_names(tmp_path: Path) -> None:
    target = tmp_path / "stats.json"
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(50):
                write_json_atomic(target, {"writer": n, "i": i, "pad": "x" * 5000})
        except BaseException as exc:  # noqa: BLE001 - the test reports any failure
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    import json

    assert json.loads(target.read_text())["i"] == 49
    assert [p.name for p in tmp_path.iterdir()] == ["stats.json"]  # no temp file left behind
