"""Errored trials repair themselves: fatal errors stop the run at once, an endpoint that is down trips the
breaker, error records are retried on resume, and the exit status says when any trial ended in error."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.config import make_config
from redline.errors import RunStopped
from redline.pipeline.audit import run_audit
from redline.store.run_dir import RunDir
from tests.support.fake_openai import serve


class Switch:
    """A plan whose behaviour is flipped by the test (by request counts, never by time)."""

    def __init__(self, behaviour: str, *, after: int | None = None, then: str = "ok") -> None:
        self.behaviour, self.after, self.then = behaviour, after, then
        self.seen = 0
        self._lock = threading.Lock()

    def __call__(self, body: dict[str, Any], attempt: int) -> str:
        with self._lock:
            self.seen += 1
            if self.after is not None and self.seen > self.after:
                return self.then
            return self.behaviour


def _cfg(url: str, runs_dir: Path, **kw: Any) -> Any:
    base: dict[str, Any] = {"suites": ("smoke",), "model": "openai/m", "base_url": url, "code_mode": "instruct",
                            "runs_dir": str(runs_dir), "run_id": "repair", "judge": False, "report": False,
                            "retries": 2, "backoff_s": 0.0, "timeout_s": 30.0, "concurrency": 2, "cache": False,
                            "temperature": 0.7}  # replicates at temperature 0 are refused (issue 12)
    return make_config(**{**base, **kw})


@pytest.mark.parametrize(("status", "fix"), [("401", "API key"), ("403", "API key"), ("404", "model name"),
                                             ("400", "--max-tokens")])
def test_fatal_error_stops_the_run_and_the_fixed_rerun_completes(runs_dir: Path, status: str, fix: str) -> None:
    plan = Switch(status)
    with serve(plan) as srv:
        cfg = _cfg(srv.base_url, runs_dir, replicates=5)
        with pytest.raises(RunStopped) as info:
            run_audit(cfg, progress=False)
        sent = len(srv.requests)
        assert sent <= 2  # at most the trials already in flight: no trial after the first answer is sent
        message = str(info.value)
        assert "\n" not in message and fix in message and "re-run the same command" in message
        plan.after = 0  # the key / model / request is fixed
        again = run_audit(cfg, progress=False)
    gens = RunDir(again.run.path).generations()
    assert again.trials == 60 and len(gens) == 60 and all(g.ok for g in gens.values())
    assert again.generation.generated == 60  # the touched trials were re-sent too


def test_outage_trips_the_breaker_and_one_rerun_answers_every_trial(runs_dir: Path) -> None:
    plan = Switch("ok", after=10, then="reset")  # the endpoint goes down after 10 answers
    with serve(plan) as srv:
        cfg = _cfg(srv.base_url, runs_dir, replicates=10)
        with pytest.raises(RunStopped, match="endpoint down"):
            run_audit(cfg, progress=False)
        # the breaker (5 trials in a row, 3 attempts each, 2 in flight) stopped it long before 120 trials
        assert len(srv.requests) <= 10 + 3 * 7
        # the trial holding answer 10 may still be in flight when the breaker trips (a busy machine can delay it),
        # so up to 10 answers were kept: count them rather than assume an order
        kept = sum(g.ok for g in RunDir(runs_dir / "repair").generations().values())
        assert 1 <= kept <= 10
        plan.then = "ok"  # the endpoint is back
        again = run_audit(cfg, progress=False)
    gens = RunDir(again.run.path).generations()
    assert len(gens) == 120 and all(g.ok for g in gens.values())
    assert again.generation.skipped == kept


def test_error_records_are_retried_on_resume(runs_dir: Path) -> None:
    plan = Switch("500")  # retryable: every trial ends in error after its retries, no breaker (not a connection)
    with serve(plan) as srv:
        cfg = _cfg(srv.base_url, runs_dir)
        first = run_audit(cfg, progress=False)
        assert first.generation.errors == 12
        plan.after = 0
        again = run_audit(cfg, progress=False)
    assert again.generation.generated == 12 and again.generation.skipped == 0
    assert all(g.ok for g in RunDir(again.run.path).generations().values())


def test_cli_exits_non_zero_with_a_resume_hint_when_a_trial_errors(tmp_path: Path) -> None:
    plan = Switch("500")
    runs = tmp_path / "runs"
    args = ["run", "--suite", "smoke", "--model", "openai/m", "--runs-dir", str(runs), "--code-mode", "instruct",
            "--quiet", "--retries", "0", "--no-judge", "--no-report", "--no-cache"]
    with serve(plan) as srv:
        failed = CliRunner().invoke(cli, [*args, "--base-url", srv.base_url])
        plan.after = 0
        fixed = CliRunner().invoke(cli, [*args, "--base-url", srv.base_url])
    assert failed.exit_code == 1, failed.output
    assert "12 of 12 trials ended in error; re-run the same command" in failed.output
    assert "Traceback" not in failed.output
    assert fixed.exit_code == 0, fixed.output


def test_fatal_error_via_cli_is_one_line_and_non_zero(tmp_path: Path) -> None:
    with serve(Switch("401")) as srv:
        out = CliRunner().invoke(cli, ["run", "--suite", "smoke", "--model", "openai/m", "--base-url", srv.base_url,
                                       "--runs-dir", str(tmp_path / "runs"), "--quiet", "--no-judge"])
    assert out.exit_code == 1
    lines = [line for line in out.output.splitlines() if line.startswith("redline: error:")]
    assert len(lines) == 1 and "API key" in lines[0] and "Traceback" not in out.output


def test_error_verdicts_are_judged_again_once_the_answer_lands(runs_dir: Path) -> None:
    plan = Switch("500")
    with serve(plan) as srv:
        cfg = _cfg(srv.base_url, runs_dir, judge=True)
        run_audit(cfg, progress=False)
        run = RunDir(runs_dir / "repair")
        assert {v.label for v in run.verdicts().values()} == {"error"}
        plan.after = 0
        run_audit(cfg, progress=False)
    labels = {v.label for v in run.verdicts().values()}
    assert labels and "error" not in labels  # the latest verdict per (trial, judge) is of the real answer
