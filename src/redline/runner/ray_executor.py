"""The Ray executor: the same trials as the local executor, fanned out over generation actors on a Ray cluster.

The driver owns the run directory: workers only return ``Generation`` records, and the driver appends each one
as it comes back, so ``generations.jsonl`` stays append-only, one record per trial, and resumable by either
executor. Cache look-ups and puts happen in the driver too. Each endpoint (``[base_url, *base_urls]``) gets its
own actors and a concurrency limit enforced by the driver; a trial goes to the endpoint with the most free
capacity. An actor that dies takes only its unfinished trials with it: the driver resubmits them to a
replacement, and a trial whose result already came back is never run or written again.

Ray is imported inside these functions only, so ``redline --help`` and local runs never load it.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from redline import __version__
from redline.backends.base import CAPPED, BackendResult, GenerationRequest, opened, traits_of
from redline.config import BackendSpec
from redline.errors import BackendError, ConfigError, JudgeError
from redline.judges.base import Judge, JudgeInput
from redline.records import Generation, Trial, Verdict
from redline.runner.cache import GenerationCache, cache_key
from redline.runner.execute import ExecSettings, ExecSummary, StopRule, _record
from redline.runner.ray_workers import GenerationWorker, Secret, WorkerInfo, code_digest, judge_batch
from redline.store.jsonl import JsonlWriter

Listener = Callable[[Generation], None]
ACTORS_PER_ENDPOINT = 2  # I/O-bound clients: two per endpoint, so losing one never stalls an endpoint
REPLACEMENTS_PER_ACTOR = 3  # how often an actor slot may be replaced before the run gives up
ACTOR_PREFIX = "redline-gen"
ENGINES = ("vllm", "sglang")  # providers served by Ray Data LLM processors (``ray_llm``), not by actors


# -- Ray start-up ---------------------------------------------------------------------------------------------
def ensure_ray(address: str | None = None) -> Any:
    """The ``ray`` module, initialised: reuse a running instance, connect to ``address`` (or ``RAY_ADDRESS``),
    else start a local instance sized to this machine, with no dashboard and worker logs kept out of the
    terminal."""
    try:
        import ray
    except ImportError:
        raise ConfigError("--executor ray: Ray is not installed; pip install -e '.[ray]'") from None
    if ray.is_initialized():
        return ray
    address = address or os.environ.get("RAY_ADDRESS") or None
    common: dict[str, Any] = {"log_to_driver": False, "logging_level": logging.WARNING,
                              "ignore_reinit_error": True}
    if address:
        ray.init(address=address, **common)
    else:
        ray.init(num_cpus=os.cpu_count() or 2, include_dashboard=False, **common)
    return ray


def endpoints_for(spec: BackendSpec) -> list[str | None]:
    """Endpoints serving the model: the primary ``base_url`` then the extras (for a backend that declares it can
    spread over several), duplicates dropped."""
    from redline.registry import backend_class

    if not traits_of(backend_class(spec.provider)).multi_endpoint:
        return [spec.base_url]
    return list(dict.fromkeys([spec.base_url, *spec.base_urls]))


# -- generation -----------------------------------------------------------------------------------------------
@dataclass
class RayExecSummary(ExecSummary):
    """The local summary plus what only a cluster has: actors lost and trials resubmitted after a loss."""

    actors: int = 0
    actors_lost: int = 0
    resubmitted: int = 0
    per_endpoint: dict[str, int] = field(default_factory=dict)


@dataclass
class _Slot:
    """One actor serving one endpoint, as the driver sees it."""

    name: str
    handle: Any
    inflight: int = 0
    alive: bool = True


@dataclass
class _Endpoint:
    url: str | None
    spec: BackendSpec
    limit: int
    slots: list[_Slot] = field(default_factory=list)
    inflight: int = 0
    replacements_left: int = 0

    @property
    def label(self) -> str:
        return self.url or "default"

    def free(self) -> int:
        return self.limit - self.inflight if any(s.alive for s in self.slots) else 0

    def pick(self) -> _Slot:
        return min((s for s in self.slots if s.alive), key=lambda s: s.inflight)


class _Pool:
    """Creates, replaces and stops the generation actors of one run."""

    def __init__(self, ray: Any, spec: BackendSpec, settings: ExecSettings, actors_per_endpoint: int) -> None:
        from redline.registry import backend_class

        self.ray = ray
        self.settings = settings
        self.token = uuid.uuid4().hex[:8]
        self.code = code_digest()
        self.secret = Secret(key) if (key := spec.api_key()) else None  # read in the driver, sent at setup only
        in_process = traits_of(backend_class(spec.provider)).in_process  # a model in the worker: a core, one actor
        self.per_endpoint = 1 if in_process else max(1, min(actors_per_endpoint, settings.concurrency))
        self.actor_cls = ray.remote(GenerationWorker)
        self.actor_options: dict[str, Any] = {
            "num_cpus": 1 if in_process else 0, "max_restarts": 0, "max_concurrency": max(1, settings.concurrency),
            "scheduling_strategy": "SPREAD"}
        self.endpoints = [_Endpoint(url=u, spec=spec.model_copy(update={"base_url": u}), limit=settings.concurrency,
                                    replacements_left=REPLACEMENTS_PER_ACTOR * self.per_endpoint)
                          for u in endpoints_for(spec)]
        self.created = 0

    async def start(self) -> None:
        slots = [self._spawn(ep) for ep in self.endpoints for _ in range(self.per_endpoint)]
        await self._setup(slots)

    def _spawn(self, ep: _Endpoint) -> _Slot:
        name = f"{ACTOR_PREFIX}-{self.token}-{self.created}"
        self.created += 1
        handle = self.actor_cls.options(name=name, **self.actor_options).remote(ep.spec, self.settings)
        slot = _Slot(name=name, handle=handle)
        ep.slots.append(slot)
        return slot

    async def _setup(self, slots: list[_Slot]) -> None:
        refs = [s.handle.setup.remote(self.secret) for s in slots]
        for ref in refs:
            info: WorkerInfo = await _resolve(self.ray, ref)
            if info.code != self.code:  # results must not depend on which node ran a trial
                raise ConfigError(f"--executor ray: node {info.node} runs other redline code (version "
                                  f"{info.redline_version}, digest {info.code}) than this driver ({__version__}, "
                                  f"{self.code}); install the same redline on every node")

    async def replace(self, ep: _Endpoint, slot: _Slot) -> None:
        """Retire a lost actor and start a replacement, unless this endpoint has used up its replacements."""
        slot.alive = False
        self.ray.kill(slot.handle)  # 'unavailable' may be a partition: make sure it cannot come back half-way
        while ep.replacements_left > 0:
            ep.replacements_left -= 1
            fresh = self._spawn(ep)
            try:
                await self._setup([fresh])
                return
            except Exception as exc:
                if not _actor_lost(self.ray, exc):
                    raise
                fresh.alive = False
        if not any(s.alive for s in ep.slots):
            raise BackendError(f"ray: generation workers for endpoint {ep.label} keep dying; giving up",
                               retryable=False, kind="fatal")

    def stop(self) -> None:
        for ep in self.endpoints:
            for slot in ep.slots:
                if slot.alive:
                    self.ray.kill(slot.handle)
                    slot.alive = False


async def _resolve(ray: Any, ref: Any) -> Any:
    """Await an object ref; a task's own exception comes back as itself, not wrapped in Ray's error."""
    try:
        return await asyncio.wrap_future(ref.future())
    except ray.exceptions.RayTaskError as exc:
        cause = getattr(exc, "cause", None)
        if isinstance(cause, Exception) and not isinstance(cause, ray.exceptions.RayError):
            raise cause from None
        raise


def _actor_lost(ray: Any, exc: BaseException) -> bool:
    errors = ray.exceptions
    lost = (errors.RayActorError, errors.WorkerCrashedError,
            getattr(errors, "ActorUnavailableError", errors.RayActorError))  # the latter is new in Ray 2.3x
    return isinstance(exc, lost)


async def execute_trials_ray(trials: Sequence[Trial], spec: BackendSpec, writer: JsonlWriter, *,
                             settings: ExecSettings, ray_address: str | None = None, done: set[str] | None = None,
                             cache: GenerationCache | None = None, on_result: Listener | None = None,
                             actors_per_endpoint: int = ACTORS_PER_ENDPOINT,
                             on_workers: Callable[[list[Any]], None] | None = None) -> RayExecSummary:
    """Generate every trial not in ``done`` on Ray; one record per trial, written by this process as it lands.

    ``on_workers`` (monitoring, tests) receives the actor handles once the workers are up.
    """
    from redline.backends.factory import make_backend

    if ray_address:  # connect now even with nothing to generate: the judge stage then uses the same cluster
        ensure_ray(ray_address)
    done = done or set()
    todo = [t for t in trials if t.trial_id not in done]
    summary = RayExecSummary(planned=len(trials), skipped=len(trials) - len(todo))
    started = time.perf_counter()
    written: set[str] = set()

    def land(gen: Generation) -> None:
        if gen.trial_id in written:  # cannot happen by construction; refuse to duplicate if it ever does
            return
        written.add(gen.trial_id)
        if gen.ok and not gen.cached and gen.finish_reason != CAPPED and cache is not None and gen.trial_id in keys:
            cache.put(keys[gen.trial_id], BackendResult(text=gen.text, reasoning=gen.reasoning,
                                                        finish_reason=gen.finish_reason, usage=gen.usage))
        writer.write(gen)
        summary.count(gen)
        if on_result:
            on_result(gen)

    queue: deque[Trial] = deque()
    keys: dict[str, str] = {}
    if cache is None or not todo:
        queue.extend(todo)
    else:
        async with opened(make_backend(spec)) as probe:  # the primary endpoint's identity: the local cache keys
            identity = probe.identity()
        for trial in todo:
            request = GenerationRequest.for_trial(trial, max_tokens=settings.max_tokens,
                                                  temperature=settings.temperature)
            keys[trial.trial_id] = key = cache_key(identity, request, trial.replicate)
            hit = cache.get(key)
            if hit is None:
                queue.append(trial)
            else:
                summary.cached += 1
                land(_record(trial, probe, hit, None, 0, 0.0, True))  # _record reads provider/model only
    if queue and spec.provider in ENGINES:  # in-process engines on GPU nodes: Ray Data LLM processors
        from redline.runner.ray_llm import generate_with_ray_data

        # blocking, in this thread: the cache is SQLite
        generate_with_ray_data(list(queue), spec, settings, land, ray_address=ray_address)
    elif queue:
        stop = StopRule()
        try:
            await _dispatch(queue, spec, ray_address, settings, summary, land, actors_per_endpoint, on_workers,
                            stop)
        finally:
            summary.seconds = time.perf_counter() - started
        if stop.reason:  # the local executor's rule and message: a fatal error or the endpoint down
            raise stop.error(summary)
    summary.seconds = time.perf_counter() - started
    return summary


async def _dispatch(queue: deque[Trial], spec: BackendSpec, ray_address: str | None, settings: ExecSettings,
                    summary: RayExecSummary, land: Callable[[Generation], None], actors_per_endpoint: int,
                    on_workers: Callable[[list[Any]], None] | None, stop: StopRule) -> None:
    """Keep every endpoint busy until the queue is empty; a fatal error or ``settings.breaker`` connection
    failures in a row stop it at once (trials still in flight are dropped unwritten: a re-run sends them)."""
    ray = ensure_ray(ray_address)
    pool = _Pool(ray, spec, settings, actors_per_endpoint)
    running: dict[asyncio.Future[Any], tuple[Trial, _Endpoint, _Slot]] = {}
    try:
        await pool.start()
        summary.actors = pool.created
        if on_workers:
            on_workers([s.handle for ep in pool.endpoints for s in ep.slots])
        while (queue or running) and not stop.reason:
            while queue:
                ep = max(pool.endpoints, key=lambda e: e.free())
                if ep.free() <= 0:
                    break
                trial, slot = queue.popleft(), ep.pick()
                running[asyncio.ensure_future(_resolve(ray, slot.handle.generate.remote(trial)))] = (trial, ep, slot)
                ep.inflight += 1
                slot.inflight += 1
            if not running:
                raise BackendError("ray: no live generation workers left", retryable=False, kind="fatal")
            finished, _ = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            for landed in finished:
                trial, ep, slot = running.pop(landed)
                ep.inflight -= 1
                slot.inflight -= 1
                exc = landed.exception()
                if exc is not None:
                    if not _actor_lost(ray, exc):
                        raise exc
                    queue.appendleft(trial)  # unfinished on a dead actor: run it again elsewhere
                    summary.resubmitted += 1
                    if slot.alive:
                        summary.actors_lost += 1
                        await pool.replace(ep, slot)
                        summary.actors = pool.created
                    continue
                gen: Generation = landed.result()
                summary.per_endpoint[ep.label] = summary.per_endpoint.get(ep.label, 0) + 1
                land(gen)
                stop.observe_record(gen, settings.breaker)
    finally:
        for pending in running:
            pending.cancel()
        pool.stop()


# -- judging --------------------------------------------------------------------------------------------------
def judge_batches_ray(judge: Judge, batches: list[list[JudgeInput]], *,
                      max_in_flight: int | None = None) -> Iterator[list[Verdict]]:
    """Judge batches as Ray tasks (one judge call per batch), yielding verdict lists as tasks finish.

    The judge is put in the object store once; at most ``max_in_flight`` batches (default: twice the cluster's
    CPUs) are submitted at a time so that a few hundred thousand samples never sit in memory at once.
    """
    if not batches:
        return
    ray = ensure_ray()
    try:
        judge_ref = ray.put(judge)
    except Exception as exc:  # a judge holding an unpicklable resource
        raise JudgeError(f"judge {judge.name!r} cannot be sent to Ray workers: {exc}") from None
    task = ray.remote(judge_batch).options(num_cpus=1, max_retries=3)
    expected, code = judge.fingerprint, code_digest()
    limit = max_in_flight or max(2, 2 * int(ray.cluster_resources().get("CPU", 1)))
    todo = iter(batches)
    pending: list[Any] = []
    try:
        for batch in todo:
            pending.append(task.remote(judge_ref, batch))
            if len(pending) >= limit:
                break
        while pending:
            ready, pending = ray.wait(pending, num_returns=1)
            worker_code, verdicts = _get(ray, ready[0])
            skewed = {v.judge_fingerprint for v in verdicts} - {expected}
            if worker_code != code or skewed:  # verdicts that would not be comparable: refuse them
                got = f"code {worker_code}" if worker_code != code else f"fingerprint {skewed.pop()}"
                raise JudgeError(f"judge {judge.name!r} on a Ray worker has {got}, not the driver's: install the "
                                 "same redline and tool versions on every node")
            for batch in todo:
                pending.append(task.remote(judge_ref, batch))
                break
            yield verdicts
    finally:
        for ref in pending:
            ray.cancel(ref)


def _get(ray: Any, ref: Any) -> tuple[str, list[Verdict]]:
    try:
        verdicts: tuple[str, list[Verdict]] = ray.get(ref)
    except ray.exceptions.RayTaskError as exc:
        cause = getattr(exc, "cause", None)
        if isinstance(cause, Exception) and not isinstance(cause, ray.exceptions.RayError):
            raise cause from None
        raise
    return verdicts
