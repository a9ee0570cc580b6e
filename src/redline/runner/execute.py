"""The local executor: asyncio against one backend, bounded concurrency, retries, per-trial timeouts.

Each generation is appended and flushed to ``generations.jsonl`` as it lands, so a crash or Ctrl-C loses at
most the trials in flight; re-running skips every trial that already has an answer (error records are retried).
A fatal error (bad key, unknown model, bad request) or ``breaker`` consecutive connection failures stop the run at
once: every further trial would fail the same way.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from redline.backends.base import CAPPED, Backend, BackendResult, GenerationRequest
from redline.backends.retry import RetryPolicy, generate_with_retries
from redline.errors import BackendError, RunStopped
from redline.records import Generation, Trial
from redline.runner.cache import GenerationCache, cache_key
from redline.store.jsonl import JsonlWriter
from redline.text import redact

Listener = Callable[[Generation], None]


@dataclass
class ExecSettings:
    max_tokens: int = 256
    temperature: float = 0.0
    concurrency: int = 4
    timeout_s: float = 300.0
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    breaker: int = 5  # consecutive trials ending in a connection error or timeout that stop the run


CONNECTION_KINDS = {"connection", "timeout"}
STOP_KINDS = {"auth", "not_found", "bad_request", "fatal"}  # wrong for every trial: the run stops


@dataclass
class StopRule:
    """Why the run stops early (first reason wins) and the current run of connection failures."""

    reason: str = ""
    failures: int = 0

    def observe(self, err: BackendError | None, breaker: int) -> None:
        self.observe_kind(err.kind if err is not None else None, redact(str(err)) if err is not None else "",
                          breaker)

    def observe_record(self, gen: Generation, breaker: int) -> None:
        """The same rule for a record that came back from elsewhere (a Ray worker): its kind and error text."""
        self.observe_kind((gen.error_kind or "fatal") if not gen.ok else None, gen.error or "", breaker)

    def observe_kind(self, kind: str | None, message: str, breaker: int) -> None:
        if kind is None:
            self.failures = 0
            return
        if kind in STOP_KINDS and not self.reason:
            self.reason = f"{message} [fatal: every trial would fail the same way]"
        elif kind in CONNECTION_KINDS:
            self.failures += 1
            if breaker > 0 and self.failures >= breaker and not self.reason:
                self.reason = f"endpoint down: {self.failures} trials in a row failed ({message})"

    def error(self, summary: ExecSummary) -> RunStopped:
        """The one-line error the run stops with: why, how many trials are left, how to resume."""
        left = summary.planned - summary.skipped - summary.generated - summary.cached
        return RunStopped(f"run stopped: {self.reason}; {left} trials not answered - fix it and re-run the same "
                          "command to resume")


@dataclass
class ExecSummary:
    planned: int = 0
    skipped: int = 0
    generated: int = 0
    cached: int = 0
    errors: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0

    def count(self, gen: Generation) -> None:
        """Add one written generation to the counts (cached text is not new tokens)."""
        if gen.ok:
            self.generated += 1
            self.completion_tokens += gen.usage.completion_tokens if not gen.cached else 0
        else:
            self.errors += 1

    @property
    def tokens_per_s(self) -> float:
        return self.completion_tokens / self.seconds if self.seconds > 0 else 0.0


async def _attempt(backend: Backend, request: GenerationRequest, settings: ExecSettings
                   ) -> tuple[BackendResult | None, BackendError | None, int]:
    """Call the backend with the settings' retries and timeout; returns (result, last error, attempts)."""
    return await generate_with_retries(backend, request, timeout_s=settings.timeout_s, policy=settings.retry)


def _record(trial: Trial, backend: Backend, result: BackendResult | None, err: BackendError | None,
            attempts: int, latency: float, cached: bool) -> Generation:
    common: dict[str, Any] = {"trial_id": trial.trial_id, "pair_key": trial.pair_key, "suite": trial.suite,
              "case_id": trial.case_id, "condition_id": trial.condition_id, "replicate": trial.replicate,
              "attempts": attempts, "latency_s": round(latency, 4), "backend": backend.provider,
              "model": backend.model, "cached": cached}
    if result is None:
        assert err is not None
        return Generation(**common, error=redact(str(err))[:2000], error_kind=err.kind)
    return Generation(**common, text=redact(result.text), reasoning=redact(result.reasoning),
                      finish_reason=result.finish_reason, usage=result.usage,
                      truncated=result.truncated or result.finish_reason == "length")


async def execute_trials(trials: Sequence[Trial], backend: Backend, writer: JsonlWriter, *,
                         settings: ExecSettings, done: set[str] | None = None,
                         cache: GenerationCache | None = None, on_result: Listener | None = None
                         ) -> ExecSummary:
    """Generate every trial not in ``done``; one record per trial is written as it lands."""
    done = done or set()
    todo = [t for t in trials if t.trial_id not in done]
    summary = ExecSummary(planned=len(trials), skipped=len(trials) - len(todo))
    identity = backend.identity()
    started = time.perf_counter()
    stop = StopRule()

    async def one(trial: Trial) -> None:
        request = GenerationRequest.for_trial(trial, max_tokens=settings.max_tokens,
                                              temperature=settings.temperature)
        key = cache_key(identity, request, trial.replicate) if cache else ""
        hit = cache.get(key) if cache else None
        if hit is not None:
            gen = _record(trial, backend, hit, None, 0, 0.0, True)
            summary.cached += 1
        else:
            t0 = time.perf_counter()
            result, err, attempts = await _attempt(backend, request, settings)
            latency = time.perf_counter() - t0
            gen = _record(trial, backend, result, err, attempts, latency, False)
            if result is not None and cache is not None and result.finish_reason != CAPPED:  # the cap may rise
                cache.put(key, result)
            stop.observe(err, settings.breaker)
        writer.write(gen)
        summary.count(gen)
        if on_result:
            on_result(gen)

    queue = iter(todo)

    async def worker() -> None:
        for trial in queue:  # a shared iterator: each trial goes to exactly one worker
            if stop.reason:
                return
            await one(trial)

    workers = [asyncio.create_task(worker()) for _ in range(max(1, min(settings.concurrency, len(todo))))]
    try:
        await asyncio.gather(*workers)
    finally:
        for task in workers:
            task.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        summary.seconds = time.perf_counter() - started
    if stop.reason:
        raise stop.error(summary)
    return summary
