"""The Ray executor against the local one: same generations, verdicts and statistics; lost workers; resume.

One local Ray instance (2 CPUs, ``conftest.py``) serves every test.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from redline.backends.retry import RetryPolicy
from redline.config import RunConfig, make_config
from redline.judges.base import JudgeInput, fingerprint
from redline.pipeline.audit import plan_trials, run_audit
from redline.records import CaseKind, Generation, Trial, Verdict
from redline.runner.execute import ExecSettings, execute_trials
from redline.runner.judging import judge_run
from redline.store.jsonl import JsonlWriter
from redline.store.run_dir import GENERATIONS, RunDir
from redline.suites.loader import resolve_suite
from tests.support.fake_openai import serve

pytestmark = pytest.mark.ray
ray = pytest.importorskip("ray")
ray_executor = pytest.importorskip("redline.runner.ray_executor")

VOLATILE = {"latency_s"}  # the only field allowed to differ between executors


@pytest.fixture(scope="module", autouse=True)
def _workers_see_this_module(ray_instance: Any) -> Iterator[None]:
    """Ray workers cannot import test modules: ship the fake judge below by value."""
    ray_instance.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    yield
    ray_instance.cloudpickle.unregister_pickle_by_value(sys.modules[__name__])


def config(runs_dir: Path, run_id: str, executor: str, **over: Any) -> RunConfig:
    values: dict[str, Any] = {"suites": ("code-security",), "model": "scripted/effect", "limit": 3, "replicates": 2,
                              "condition_sample": 3, "executor": executor, "run_id": run_id,
                              "runs_dir": str(runs_dir), "judge": False, "report": False, "cache": False,
                              "retries": 0, "backoff_s": 0.0}
    values.update(over)
    return make_config(**values)


def gens_of(run: RunDir) -> dict[str, dict[str, Any]]:
    return {tid: {k: v for k, v in g.model_dump().items() if k not in VOLATILE} for tid, g in run.generations().items()}


def lines_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def trials_of(cfg: RunConfig) -> list[Trial]:
    return plan_trials(cfg, [resolve_suite(s) for s in cfg.suites], base_model=False)


def settings(concurrency: int = 4) -> ExecSettings:
    return ExecSettings(max_tokens=64, concurrency=concurrency, timeout_s=30, retry=RetryPolicy(retries=0, base_s=0))


class WordJudge:
    """A small deterministic judge obeying the Judge protocol: the label is a function of the text."""

    name = "word-judge"
    kind = CaseKind.code

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.name, 1)

    def judge(self, items: Sequence[JudgeInput]) -> list[Verdict]:
        out = []
        for item in items:
            text = item.generation.text
            label = "vulnerable" if "f\"SELECT" in text else ("secure" if "?" in text else "no_code")
            out.append(Verdict(trial_id=item.generation.trial_id, judge=self.name, judge_fingerprint=self.fingerprint,
                               label=label, score=len(text) % 5 + 1, details={"pid_free": True}))
        return out


def verdict_set(run: RunDir) -> dict[tuple[str, str], dict[str, Any]]:
    return {key: v.model_dump() for key, v in run.verdicts().items()}


# -- generation ---------------------------------------------------------------------------------------------
def test_generations_identical_under_both_executors(runs_dir: Path) -> None:
    local = run_audit(config(runs_dir, "local", "local"), progress=False)
    remote = run_audit(config(runs_dir, "ray", "ray"), progress=False)
    assert local.trials == remote.trials > 20
    a, b = gens_of(local.run), gens_of(remote.run)
    assert len(a) == local.trials and a == b
    assert len(lines_of(remote.run.path / GENERATIONS)) == remote.trials  # one line per trial, nothing more
    for field in ("planned", "skipped", "generated", "cached", "errors", "completion_tokens"):
        assert getattr(local.generation, field) == getattr(remote.generation, field), field
    assert len({g["text"] for g in b.values()}) > 1  # the scripted effect: not all answers alike


def test_cache_lookups_happen_in_the_driver(runs_dir: Path) -> None:
    first = run_audit(config(runs_dir, "c1", "ray", cache=True), progress=False)
    second = run_audit(config(runs_dir, "c2", "ray", cache=True), progress=False)
    assert first.generation.cached == 0
    assert second.generation.cached == second.trials
    assert getattr(second.generation, "actors", None) == 0  # everything came from the cache: no worker started
    strip = {"cached", "attempts"}
    a = {t: {k: v for k, v in g.items() if k not in strip} for t, g in gens_of(first.run).items()}
    b = {t: {k: v for k, v in g.items() if k not in strip} for t, g in gens_of(second.run).items()}
    assert a == b


def test_worker_errors_come_back_as_redline_errors(runs_dir: Path) -> None:
    from redline.errors import RedlineError

    cfg = config(runs_dir, "bad", "ray", model="scripted/no-such-script")
    with JsonlWriter(runs_dir / "bad.jsonl") as writer, pytest.raises(RedlineError, match="unknown script"):
        asyncio.run(ray_executor.execute_trials_ray(trials_of(config(runs_dir, "x", "ray"))[:3], cfg.backend_spec(),
                                                    writer, settings=settings()))


def test_killed_worker_loses_and_duplicates_nothing(runs_dir: Path) -> None:
    cfg = config(runs_dir, "kill", "ray", model="scripted/effect?latency=0.05")
    trials = trials_of(cfg)
    handles: list[Any] = []
    seen: list[str] = []

    def on_result(gen: Generation) -> None:
        seen.append(gen.trial_id)
        if len(seen) == 10:
            ray.kill(handles[0])  # a worker lost part-way, trials in flight on it

    path = runs_dir / "kill" / GENERATIONS
    with JsonlWriter(path) as writer:
        summary = asyncio.run(ray_executor.execute_trials_ray(
            trials, cfg.backend_spec(), writer, settings=settings(4), on_result=on_result, on_workers=handles.extend))
    records = lines_of(path)
    ids = [r["trial_id"] for r in records]
    assert sorted(ids) == sorted(t.trial_id for t in trials)  # every trial once: none lost, none duplicated
    assert summary.actors_lost == 1 and summary.resubmitted >= 1
    assert summary.generated == len(trials) and summary.errors == 0

    reference = runs_dir / "kill-local.jsonl"
    with JsonlWriter(reference) as writer:
        asyncio.run(execute_trials(trials, _backend(cfg), writer, settings=settings(4)))
    texts = {r["trial_id"]: r["text"] for r in lines_of(reference)}
    assert {r["trial_id"]: r["text"] for r in records} == texts


def _backend(cfg: RunConfig) -> Any:
    from redline.backends.factory import make_backend

    return make_backend(cfg.backend_spec())


# -- resume across executors ------------------------------------------------------------------------------
class StopAfter:
    """A scripted backend that raises after ``n`` calls: the local run stops part-way."""

    def __init__(self, cfg: RunConfig, n: int) -> None:
        self._inner = _backend(cfg)
        self._left = n
        self.provider, self.model = self._inner.provider, self._inner.model
        self.is_base_model, self.max_concurrency = False, 2

    def identity(self) -> dict[str, Any]:
        return dict(self._inner.identity())

    async def generate(self, request: Any) -> Any:
        self._left -= 1
        if self._left < 0:
            raise RuntimeError("stopped part-way")
        return await self._inner.generate(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


def test_resume_local_then_ray(runs_dir: Path) -> None:
    reference = run_audit(config(runs_dir, "ref1", "local"), progress=False)
    local = config(runs_dir, "mixed1", "local")
    with pytest.raises(RuntimeError, match="part-way"):
        run_audit(local, backend=StopAfter(local, 7), progress=False)
    run = RunDir(runs_dir / "mixed1")
    partial = len(run.generations())
    assert 0 < partial < reference.trials
    finished = run_audit(config(runs_dir, "mixed1", "ray"), progress=False)
    assert finished.generation.skipped == partial
    assert finished.generation.generated == reference.trials - partial
    assert len(lines_of(run.path / GENERATIONS)) == reference.trials
    assert gens_of(run) == gens_of(reference.run)


def test_resume_ray_then_local(runs_dir: Path, tmp_path: Path) -> None:
    reference = run_audit(config(runs_dir, "ref2", "local", suites=("smoke",)), progress=False)
    address = ray.get_runtime_context().gcs_address
    env = {**os.environ, "REDLINE_HOME": str(tmp_path / "home")}
    argv = [sys.executable, "-m", "redline", "run", "--suite", "smoke", "--model", "scripted/effect?latency=0.3",
            "--executor", "ray", "--ray-address", address, "--run-id", "mixed2", "--runs-dir", str(runs_dir),
            "--limit", "3", "--replicates", "2", "--condition-sample", "3", "--no-judge", "--no-report",
            "--no-cache", "--quiet", "--retries", "0", "--backoff", "0", "--concurrency", "1"]
    path = runs_dir / "mixed2" / GENERATIONS
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if path.exists() and len(path.read_bytes().splitlines()) >= 3:
                break
            time.sleep(0.05)
        assert proc.poll() is None, (proc.stderr.read() if proc.stderr else b"").decode()[-2000:]
        proc.send_signal(signal.SIGKILL)  # the driver dies mid-run: its actors go with it
    finally:
        proc.wait(timeout=30)
    partial = len(RunDir(runs_dir / "mixed2").generations())
    assert 3 <= partial < reference.trials
    cfg = config(runs_dir, "mixed2", "local", suites=("smoke",), model="scripted/effect?latency=0.3")
    finished = run_audit(cfg, progress=False)
    assert finished.generation.skipped == partial
    texts = {t: g["text"] for t, g in gens_of(RunDir(runs_dir / "mixed2")).items()}
    assert texts == {t: g["text"] for t, g in gens_of(reference.run).items()}
    assert len(lines_of(path)) == reference.trials


def test_ray_and_retries_resume_a_local_run_by_its_default_id(runs_dir: Path, ray_instance: Any) -> None:
    """Execution options are not part of the run id: ``--executor ray --retries 2`` finds the local run."""
    from click.testing import CliRunner

    from redline.cli import cli

    base = ["run", "--suite", "smoke", "--model", "scripted/effect", "--runs-dir", str(runs_dir), "--quiet",
            "--no-cache", "--limit", "2", "--condition-sample", "1", "--no-judge", "--no-report"]
    first = CliRunner().invoke(cli, base)
    assert first.exit_code == 0, first.output
    for extra in (["--executor", "ray", "--retries", "2"], ["--retries", "2", "--timeout", "60"]):
        again = CliRunner().invoke(cli, [*base, *extra])
        assert again.exit_code == 0, again.output
        assert again.output.strip().splitlines()[-1] == first.output.strip().splitlines()[-1]
        assert " 0 generated" in again.output


# -- endpoints and secrets ----------------------------------------------------------------------------------
def test_load_balances_endpoints_and_keeps_the_key_out_of_ray(runs_dir: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "sk-redline-test-" + "7f3a9c1e5b2d"
    monkeypatch.setenv("REDLINE_TEST_KEY", secret)
    lock = threading.Lock()
    state = {"now": 0, "peak": 0}

    def plan(body: dict[str, Any], attempt: int) -> str:
        with lock:
            state["now"] += 1
            state["peak"] = max(state["peak"], state["now"])
        time.sleep(0.02)
        with lock:
            state["now"] -= 1
        return "ok"

    with serve(plan) as one, serve(plan) as two:
        cfg = config(runs_dir, "lb", "ray", suites=("smoke",), model="openai/test-model", base_url=one.base_url,
                     base_urls=(two.base_url,), api_key_env="REDLINE_TEST_KEY", concurrency=2, temperature=0.7)
        result = run_audit(cfg, progress=False)
        gens = result.run.generations()
        assert len(gens) == result.trials and all(g.ok for g in gens.values())
        assert len(one.requests) > 0 and len(two.requests) > 0
        assert len(one.requests) + len(two.requests) == result.trials
        assert state["peak"] <= 4  # two endpoints x concurrency 2
        auth = {h.get("Authorization") or h.get("authorization") for h in one.headers + two.headers}
        assert auth == {f"Bearer {secret}"}
    leaks = [p for p in _files(Path(ray_instance_session_dir())) if secret.encode() in _read(p)]
    leaks += [p for p in _files(runs_dir) if secret.encode() in _read(p)]
    assert leaks == []


def ray_instance_session_dir() -> str:
    return str(ray._private.worker._global_node.get_session_dir_path())


def _files(root: Path) -> Iterator[Path]:
    return (p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


# -- judging ------------------------------------------------------------------------------------------------
def _copy(run: RunDir, to: Path) -> RunDir:
    shutil.copytree(run.path, to)
    (to / "verdicts.jsonl").unlink(missing_ok=True)
    return RunDir(to)


def test_fake_judge_gives_identical_verdicts(runs_dir: Path) -> None:
    base = run_audit(config(runs_dir, "j", "local"), progress=False).run
    local, remote = _copy(base, runs_dir / "j-local"), _copy(base, runs_dir / "j-ray")
    a = judge_run(local, [WordJudge()], batch_size=7)
    b = judge_run(remote, [WordJudge()], batch_size=7, map_batches=ray_executor.judge_batches_ray)
    assert a.judged == b.judged and a.judged["word-judge"] == len(base.generations())
    assert verdict_set(local) == verdict_set(remote)
    assert len({v["label"] for v in verdict_set(remote).values()}) > 1
    again = judge_run(remote, [WordJudge()], batch_size=7, map_batches=ray_executor.judge_batches_ray)
    assert again.judged["word-judge"] == 0  # resumable: judged pairs are skipped
    assert len(lines_of(remote.path / "verdicts.jsonl")) == len(base.generations())


def test_judge_errors_come_back_as_themselves() -> None:
    from redline.errors import JudgeError

    class Broken(WordJudge):
        def judge(self, items: Sequence[JudgeInput]) -> list[Verdict]:
            raise JudgeError("semgrep crashed")

    batches = [[JudgeInput(generation=Generation(trial_id="t", pair_key="p", suite="s", case_id="c",
                                                 condition_id="baseline", replicate=0, text="x"))]]
    with pytest.raises(JudgeError, match="semgrep crashed"):
        list(ray_executor.judge_batches_ray(Broken(), batches))


class PidJudge(WordJudge):
    """A judge whose fingerprint depends on the process: stands for a node with other rules or tool versions."""

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.name, os.getpid())


def test_judge_skew_between_driver_and_workers_is_refused(runs_dir: Path) -> None:
    from redline.errors import JudgeError

    run = run_audit(config(runs_dir, "skew", "local"), progress=False).run
    with pytest.raises(JudgeError, match="same redline and tool versions"):
        judge_run(run, [PidJudge()], batch_size=50, map_batches=ray_executor.judge_batches_ray)
    assert not (run.path / "verdicts.jsonl").exists() or not lines_of(run.path / "verdicts.jsonl")


def test_code_skew_between_driver_and_workers_is_refused(runs_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from redline.errors import ConfigError, JudgeError

    run = run_audit(config(runs_dir, "cskew", "local"), progress=False).run
    monkeypatch.setattr(ray_executor, "code_digest", lambda: "driver-code")  # workers hash their real package
    cfg = config(runs_dir, "vskew", "ray")
    with JsonlWriter(runs_dir / "vskew.jsonl") as writer, pytest.raises(ConfigError, match="same redline"):
        asyncio.run(ray_executor.execute_trials_ray(trials_of(cfg)[:2], cfg.backend_spec(), writer,
                                                    settings=settings()))
    with pytest.raises(JudgeError, match="has code"):
        judge_run(run, [WordJudge()], batch_size=50, map_batches=ray_executor.judge_batches_ray)


def test_code_judge_gives_identical_verdicts(runs_dir: Path) -> None:
    code = pytest.importorskip("redline.judges.code.judge")
    base = run_audit(config(runs_dir, "cj", "local"), progress=False).run
    local, remote = _copy(base, runs_dir / "cj-local"), _copy(base, runs_dir / "cj-ray")
    judge_run(local, [code.CodeSecurityJudge()], batch_size=10)
    judge_run(remote, [code.CodeSecurityJudge()], batch_size=10, map_batches=ray_executor.judge_batches_ray)
    assert verdict_set(local) == verdict_set(remote) and len(verdict_set(local)) == len(base.generations())


def test_run_audit_gives_identical_verdicts_and_statistics(runs_dir: Path) -> None:
    from redline.stats.compute import compute_stats

    over = {"suites": ("code-security", "censorship"), "limit": 2, "judge": True, "report": True}
    local = run_audit(config(runs_dir, "audit-local", "local", **over), progress=False)
    remote = run_audit(config(runs_dir, "audit-ray", "ray", **over), progress=False)
    # the static code judge and the answer judge see every trial; code-exec adds verdicts on harnessed tasks
    assert local.judged == remote.judged
    assert sum(n for judge, n in local.judged.items() if judge != "code-exec") == local.trials
    assert gens_of(local.run) == gens_of(remote.run)
    assert verdict_set(local.run) == verdict_set(remote.run)
    # a static code judge and an answer judge on every trial, and code-exec on harnessed tasks
    assert {v["judge"] for v in verdict_set(remote.run).values()} == {"code-security", "answer-rules", "code-exec"}
    a, b = (_stable(compute_stats(r.run.load(), bootstrap=200).to_json()) for r in (local, remote))
    assert a == b and a
    stored = [_stable(json.loads((r.run.path / "stats.json").read_text(encoding="utf-8"))) for r in (local, remote)]
    assert stored[0] == stored[1]


def _stable(stats: Any) -> Any:
    """Statistics without what names the run or times it."""
    if isinstance(stats, dict):
        return {k: _stable(v) for k, v in stats.items() if k not in ("run_id", "run", "created_at", "seconds")}
    if isinstance(stats, list):
        return [_stable(v) for v in stats]
    return stats


# -- import hygiene -----------------------------------------------------------------------------------------
def test_local_runs_and_help_never_import_ray(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from redline.cli import main\n"
        "from redline.pipeline.audit import run_audit\n"
        "from redline.config import make_config\n"
        f"cfg = make_config(suites=('smoke',), model='scripted/echo', runs_dir={str(tmp_path)!r}, judge=False, "
        "report=False)\n"
        "run_audit(cfg, progress=False)\n"
        "assert 'ray' not in sys.modules, 'ray imported'\n"
    )
    env = {**os.environ, "REDLINE_HOME": str(tmp_path / "home")}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=120)
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "redline", "--help"], env=env,
                         capture_output=True, text=True, timeout=60, check=True)
    assert " ray" not in out.stderr and "ray." not in out.stderr
