"""The stages of a run after planning: generate, judge, statistics, reports. Each reads and writes the run
directory, so each can be re-run alone."""

from __future__ import annotations

import asyncio
import functools
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redline.backends.base import Backend, opened
from redline.backends.retry import RetryPolicy
from redline.config import BackendSpec, ExecOptions, RunConfig, redline_home
from redline.judges.base import JudgeContext
from redline.pipeline.agreement import judge_agreement as judge_agreement
from redline.records import RunData, Trial
from redline.runner.execute import ExecSettings, ExecSummary, execute_trials
from redline.store.run_dir import RunDir

if TYPE_CHECKING:
    from redline.runner.judging import BatchMapper
    from redline.stats.records import Stats


def exec_settings(cfg: RunConfig, opts: ExecOptions, concurrency: int) -> ExecSettings:
    return ExecSettings(max_tokens=cfg.max_tokens, temperature=cfg.temperature, concurrency=concurrency,
                        timeout_s=opts.timeout_s, retry=RetryPolicy(retries=opts.retries, base_s=opts.backoff_s))


async def generate(cfg: RunConfig, run: RunDir, trials: list[Trial], backend: Backend, *,
                   progress: bool = True) -> ExecSummary:
    """The generation stage for planned trials; already generated trials are skipped (during a regeneration,
    those generated since it began: ``--no-cache`` on an existing run replaces its answers). ``backend`` is the
    caller's: open before, still open after (the Ray executor's workers open and close their own)."""
    from redline.runner.cache import GenerationCache
    from redline.runner.progress import generation_progress

    opts = cfg.exec_options(progress=progress)
    regeneration = run.manifest().regeneration if run.exists() else None
    # error records are retried on resume (and during a regeneration, only answers since it began count)
    done = ({tid for tid, gen in run.generations().items() if gen.ok} if regeneration is None
            else run.generated_since(regeneration["generations"], ok_only=True))
    use_cache = opts.cache and not cfg.fresh  # --fresh means new answers, not the cache's
    cache = GenerationCache(redline_home() / "cache" / "generations.sqlite") if use_cache else None
    settings = exec_settings(cfg, opts, backend.max_concurrency)
    todo = sum(1 for t in trials if t.trial_id not in done)
    try:
        with run.generations_writer() as writer, generation_progress(todo, enabled=progress) as listener:
            if opts.executor == "ray":
                from redline.runner.ray_executor import execute_trials_ray

                return await execute_trials_ray(trials, cfg.backend_spec(), writer, settings=settings,
                                                ray_address=opts.ray_address, done=done, cache=cache,
                                                on_result=listener)
            return await execute_trials(trials, backend, writer, settings=settings, done=done, cache=cache,
                                        on_result=listener)
    finally:
        if cache is not None:
            cache.close()


class JudgeModel:
    """The judge model a run names (``--judge-model``): how to ask it, and its id for the fingerprint.

    The run opens it (``async with judge_model.opened()``): one backend for the whole run, owned by the run's
    event loop; calls from the judge stage's thread are handed to that loop. Where nobody opened it (a Ray
    worker, which receives a copy without the backend), each call opens and closes a backend of its own.
    """

    def __init__(self, spec: BackendSpec, retry: RetryPolicy, model_id: str) -> None:
        self.spec = spec
        self.retry = retry
        self.model_id = model_id
        self._backend: Backend | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    @property
    def is_open(self) -> bool:
        return self._backend is not None

    @asynccontextmanager
    async def opened(self) -> AsyncIterator[JudgeModel]:
        """Open the judge model's backend for a block, in the running loop; closed on exit."""
        from redline.backends.factory import make_backend

        async with opened(make_backend(self.spec)) as backend:
            self._backend, self._loop = backend, asyncio.get_running_loop()
            try:
                yield self
            finally:
                self._backend, self._loop = None, None

    async def ask(self, system: str, user: str) -> str:
        """One graded call (temperature 0, with the run's retries); raises the last error when all fail."""
        backend, loop = self._backend, self._loop
        if backend is None or loop is None:
            from redline.backends.factory import make_backend

            async with opened(make_backend(self.spec)) as own:
                return await self._call(own, system, user)
        if asyncio.get_running_loop() is loop:
            return await self._call(backend, system, user)
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(self._call(backend, system, user), loop))

    async def _call(self, backend: Backend, system: str, user: str) -> str:
        from redline.backends.base import GenerationRequest
        from redline.backends.retry import generate_with_retries
        from redline.records import Message

        request = GenerationRequest(mode="chat", messages=(Message(role="system", content=system),
                                                           Message(role="user", content=user)),
                                    max_tokens=400, temperature=0.0)
        result, err, _ = await generate_with_retries(backend, request, timeout_s=self.spec.timeout_s,
                                                     policy=self.retry)
        if result is None:
            assert err is not None
            raise err
        return result.text

    def __getstate__(self) -> dict[str, Any]:
        """A copy (a Ray worker's) carries the spec, not the caller's open backend or its loop."""
        return {**self.__dict__, "_backend": None, "_loop": None}


def model_judge(cfg: RunConfig) -> JudgeModel:
    """The optional model-graded answer judge's model: any backend, temperature 0, a JSON verdict; its calls
    get the same retries as the audited model's."""
    spec = cfg.judge_backend_spec()
    if spec is None:
        raise ValueError("model_judge needs --judge-model")
    spec.api_key()  # a missing key variable fails now, not on the first answer
    opts = cfg.exec_options()
    return JudgeModel(spec, RetryPolicy(retries=opts.retries, base_s=opts.backoff_s), str(cfg.judge_model))


def sandbox_record(judges: Sequence[object], requested: str) -> dict[str, str]:
    """What the manifest says about the sandbox: requested kind, kind used (or ``unavailable``) and why not, and
    the harness languages it could run (JavaScript / C need node / gcc; elsewhere the static verdict counts)."""
    for judge in judges:
        used = getattr(judge, "sandbox_used", None)
        if isinstance(used, str):
            record = {"requested": requested, "used": used, "reason": str(getattr(judge, "unavailable_reason", ""))}
            languages = getattr(judge, "languages", None)
            if isinstance(languages, str) and languages:
                record["languages"] = languages
            return record
    return {}


def judge_stage(run: RunDir, *, progress: bool = True, executor: str = "local",
                judge_model: JudgeModel | None = None, batch_size: int = 200, sandbox: str = "auto",
                allow_unsafe_none: bool = False, answer_judge: str = "rules",
                stopped: Callable[[], bool] | None = None) -> dict[str, int]:
    """Judge every generation with the registry's judges for this run; record the judge set, the primary (and
    fallback) judge per case kind and the sandbox used in the manifest."""
    from redline.runner.judging import close_judges, fallback_judges, judge_run, primary_judges, select_judges

    refs: dict[str, Any] = {}
    for suite_refs in run.references().values():
        refs.update(suite_refs)
    context = JudgeContext(kinds=frozenset(c.kind for c in run.cases().values()), references=refs,
                           ask=judge_model.ask if judge_model else None,
                           judge_model_id=judge_model.model_id if judge_model else "", sandbox=sandbox,
                           allow_unsafe_none=allow_unsafe_none, answer_judge=answer_judge)
    judges = select_judges(context)
    mapper: BatchMapper | None = None
    if executor == "ray":
        from redline.runner.ray_executor import judge_batches_ray

        mapper = judge_batches_ray
    regeneration = run.manifest().regeneration
    try:
        summary = judge_run(run, judges, map_batches=mapper, batch_size=batch_size,
                            since=regeneration["verdicts"] if regeneration else None, stopped=stopped)
    finally:
        close_judges(judges)
    manifest = run.manifest()
    judges = [j for j in judges if j.name in summary.fingerprints]  # those that apply to some case of the run
    primary = primary_judges(judges)
    # this judge set decides the fallback of every kind it has a primary judge for
    fallback = {k: v for k, v in manifest.fallback_judges.items() if k not in primary}
    fallback.update(fallback_judges(judges))
    run.write_manifest(manifest.model_copy(update={
        "judges": {**manifest.judges, **summary.fingerprints},
        "primary_judges": {**manifest.primary_judges, **primary},
        "fallback_judges": fallback,
        "sandbox": sandbox_record(judges, sandbox) or manifest.sandbox}))
    judge_agreement(run)  # any two judges of a kind with comparable labels (the judge model, a plug-in)
    return summary.judged


async def judge_in_run(run: RunDir, cfg: RunConfig, *, judge_model: JudgeModel | None,
                       progress: bool = True) -> dict[str, int]:
    """The judge stage inside a run's event loop. With an open judge model it runs in a worker thread, so that
    the loop owning the judge model's backend stays free to serve its calls (an interrupted run stops the thread
    after its current batch); otherwise here, where Ctrl-C stops it at once."""
    stop = threading.Event()
    call = functools.partial(judge_stage, run, progress=progress, executor=cfg.executor, judge_model=judge_model,
                             sandbox=cfg.sandbox, allow_unsafe_none=cfg.allow_unsafe_none,
                             answer_judge=cfg.answer_judge, stopped=stop.is_set)
    if judge_model is not None and judge_model.is_open:
        try:
            return await asyncio.to_thread(call)
        finally:
            stop.set()
    return call()


def stats_stage(run: RunDir, *, alpha: float | None = None) -> tuple[RunData, Stats]:
    """Read the run's records once, compute its statistics and write ``stats.json``; returns both so the report
    stage reuses them. Alpha defaults to the run's own (``--alpha``); a sequential run's decisions are passed
    in so the report leads with them."""
    from redline.evaluation.metrics import load_judge_metrics
    from redline.stats.compute import compute_stats
    from redline.stats.judge_error import calibrations_from_metrics

    data = run.load()
    if alpha is None:
        alpha = float(data.manifest.config.get("alpha", 0.05))
    stats = compute_stats(data, alpha=alpha, sequential=run.sequential(),
                          calibrations=calibrations_from_metrics(load_judge_metrics()))
    run.write_stats(stats.to_json())
    return data, stats


def report_stage(run: RunDir, *, data: RunData | None = None, stats: Stats | None = None,
                 formats: Sequence[str] = ("html", "md", "json")) -> list[Path]:
    from redline.report.write import write_reports

    return write_reports(run, formats, data=data, stats=stats)
