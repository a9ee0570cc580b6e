from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from redline.backends.openai_http import OpenAIBackend
from redline.backends.retry import RetryPolicy
from redline.backends.scripted import ScriptedBackend
from redline.config import make_config
from redline.errors import ConfigError, RunStopped, StoreError
from redline.pipeline.audit import run_audit
from redline.records import Generation
from redline.runner.execute import ExecSettings, execute_trials
from redline.store.jsonl import JsonlWriter, read_records
from redline.store.run_dir import RunDir
from redline.suites.expand import expand_trials
from redline.suites.loader import resolve_suite
from tests.support.fake_openai import serve

NO_WAIT = RetryPolicy(retries=3, base_s=0.0)


def records(path: Path) -> list[Generation]:
    return list(read_records(path, Generation))


def run_exec(trials, backend, path: Path, **kw):
    settings = ExecSettings(concurrency=kw.pop("concurrency", 4), timeout_s=kw.pop("timeout_s", 5.0),
                            retry=kw.pop("retry", NO_WAIT))
    async def go():
        try:
            return await execute_trials(trials, backend, w, settings=settings, **kw)
        finally:
            await backend.aclose()

    with JsonlWriter(path) as w:
        return asyncio.run(go())


def test_one_record_per_trial_and_retries(tmp_path: Path) -> None:
    trials = expand_trials(resolve_suite("smoke"), replicates=3)
    backend = ScriptedBackend("echo", fail_first=2)
    summary = run_exec(trials, backend, tmp_path / "g.jsonl")
    gens = records(tmp_path / "g.jsonl")
    assert sorted(g.trial_id for g in gens) == sorted(t.trial_id for t in trials)
    assert all(g.ok and g.attempts == 3 for g in gens)
    assert summary.generated == len(trials) and summary.errors == 0


def test_error_recorded_only_after_retry_budget(tmp_path: Path) -> None:
    trials = expand_trials(resolve_suite("smoke"))[:3]
    backend = ScriptedBackend("echo", fail_first=10)
    summary = run_exec(trials, backend, tmp_path / "g.jsonl", retry=RetryPolicy(retries=2, base_s=0.0))
    gens = records(tmp_path / "g.jsonl")
    assert len(gens) == 3 and all(not g.ok and g.attempts == 3 and g.error_kind == "retryable" for g in gens)
    assert summary.errors == 3 and backend.calls == 9


def test_retry_after_is_honoured_and_fatal_not_retried(tmp_path: Path) -> None:
    def plan(body, attempt):
        return "429" if attempt == 1 else "ok"

    trials = expand_trials(resolve_suite("smoke"), code_mode="instruct")
    with serve(plan) as srv:
        backend = OpenAIBackend("m", base_url=srv.base_url)
        summary = run_exec(trials, backend, tmp_path / "g.jsonl", retry=RetryPolicy(retries=3, base_s=5.0))
    gens = records(tmp_path / "g.jsonl")
    assert gens and all(g.ok and g.attempts == 2 for g in gens)  # retry-after 0 beat the 5 s back-off
    assert summary.seconds < 5
    with serve(lambda body, attempt: "401") as srv, pytest.raises(RunStopped, match="API key"):
        run_exec(trials, OpenAIBackend("m", base_url=srv.base_url), tmp_path / "f.jsonl",
                 retry=RetryPolicy(retries=3, base_s=5.0))
    fatal = records(tmp_path / "f.jsonl")
    assert fatal and all(g.error_kind == "auth" and g.attempts == 1 for g in fatal)  # a fatal error: never retried
    assert len(fatal) < len(trials)  # and the run stopped


def test_resume_skips_done_and_cache_reuses(tmp_path: Path, runs_dir: Path) -> None:
    cfg = make_config(suites=("smoke",), model="scripted/echo", runs_dir=str(runs_dir), judge=False, report=False)
    first = run_audit(cfg, progress=False)
    assert first.generation.generated == first.trials == 12
    again = run_audit(cfg, progress=False)
    assert again.run.path == first.run.path and again.generation.generated == 0 and again.generation.skipped == 12
    fresh = run_audit(cfg.model_copy(update={"fresh": True}), progress=False)
    assert fresh.run.path != first.run.path and fresh.generation.cached == 0  # --fresh: new answers, not the cache
    reuse = run_audit(cfg.model_copy(update={"run_id": "reuse"}), progress=False)
    assert reuse.generation.cached == 12  # a new run id without --fresh reuses the cache
    nocache = run_audit(cfg.model_copy(update={"fresh": True, "cache": False, "run_id": "nc"}), progress=False)
    assert nocache.generation.cached == 0 and nocache.generation.generated == 12
    assert len(records(first.run.path / "generations.jsonl")) == 12


def test_manifest_has_no_secret_and_resume_guards_options(tmp_path: Path, runs_dir: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MY_KEY", "sk-very-secret-value")
    with serve(lambda b, a: "ok") as srv:
        cfg = make_config(suites=("smoke",), model="openai/m", base_url=srv.base_url, api_key_env="MY_KEY",
                          runs_dir=str(runs_dir), run_id="r1", judge=False, report=False)
        result = run_audit(cfg, progress=False)
        assert srv.headers[0]["Authorization"] == "Bearer sk-very-secret-value"
    for path in result.run.path.iterdir():
        assert "sk-very-secret-value" not in path.read_text(encoding="utf-8", errors="replace")
    manifest = result.run.manifest()
    assert manifest.config["api_key_env"] == "MY_KEY" and manifest.backend["base_url"] == srv.base_url
    with pytest.raises(StoreError, match="temperature"):
        run_audit(cfg.model_copy(update={"temperature": 0.7}), progress=False)
    monkeypatch.delenv("MY_KEY")
    with pytest.raises(ConfigError, match="MY_KEY is not set"):
        run_audit(cfg, progress=False)


def test_torn_tail_is_repaired_and_broken_middle_line_is_an_error(tmp_path: Path) -> None:
    trials = expand_trials(resolve_suite("smoke"))
    path = tmp_path / "g.jsonl"
    run_exec(trials[:2], ScriptedBackend("echo"), path)
    with path.open("a") as fh:
        fh.write('{"trial_id": "torn", "pair')
    assert len(records(path)) == 2  # torn tail tolerated
    run_exec(trials[2:4], ScriptedBackend("echo"), path)
    assert len(records(path)) == 4  # and cut before appending
    lines = path.read_text().splitlines()
    path.write_text("\n".join([lines[0], "{broken", *lines[1:]]) + "\n")
    with pytest.raises(StoreError, match=r"g.jsonl:2: broken JSON line"):
        records(path)


SLOW_RUN = """
import sys
from redline.pipeline.audit import run_audit
from redline.backends.scripted import ScriptedBackend
from redline.config import make_config
cfg = make_config(suites=("smoke",), model="scripted/echo", runs_dir=sys.argv[1], run_id="k", replicates=8,
                  judge=False, report=False, cache=False)
run_audit(cfg, backend=ScriptedBackend("echo", latency_s=0.05, max_concurrency=2), progress=False)
"""


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_run_resumes_with_one_record_per_trial(tmp_path: Path, runs_dir: Path, sig: int) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, "-c", SLOW_RUN, str(runs_dir)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    gen_path = runs_dir / "k" / "generations.jsonl"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (not gen_path.exists() or gen_path.stat().st_size < 2000):
        time.sleep(0.02)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    partial = records(gen_path)
    assert 0 < len(partial) < 96
    if sig == signal.SIGINT:
        assert b"Traceback" not in err or b"KeyboardInterrupt" in err
    subprocess.run([sys.executable, "-c", SLOW_RUN, str(runs_dir)], env=env, check=True, timeout=60,
                   stdout=subprocess.DEVNULL)
    final = records(gen_path)
    ids = [g.trial_id for g in final]
    assert len(ids) == len(set(ids)) == 96
    assert {t.trial_id for t in RunDir(runs_dir / "k").trials()} == set(ids)
