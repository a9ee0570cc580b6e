"""What runs inside Ray workers: generation actors (one backend client each) and the judge-batch task.

Plain classes and functions, no Ray import: ``ray_executor`` wraps them with ``ray.remote`` at run time,
so this module stays importable (and testable) without Ray installed.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redline import __version__
from redline.backends.base import Backend, GenerationRequest
from redline.config import BackendSpec
from redline.judges.base import Judge, JudgeInput
from redline.records import Generation, Trial, Verdict
from redline.runner.execute import ExecSettings, _attempt, _record


class Secret:
    """An API key in transit to a worker: never shown by ``repr``/``str``, so it cannot leak into error text."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret(***)"

    __str__ = __repr__

    def __getstate__(self) -> str:
        return self._value

    def __setstate__(self, state: str) -> None:
        self._value = state


@dataclass(frozen=True)
class WorkerInfo:
    pid: int
    node: str
    identity: dict[str, Any]
    key_from_env: bool  # the worker found the API key in its own environment
    redline_version: str
    code: str  # digest of the redline package this worker imports


CODE_SUFFIXES = (".py", ".yaml", ".yml", ".j2", ".json")


def code_digest() -> str:
    """Hash of the installed redline package (code, rules, suites): driver and workers must agree, or the same
    trial could be generated or judged differently depending on the node (about 5 ms for ~170 files)."""
    import redline

    root = Path(redline.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts and path.is_file():
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


class GenerationWorker:
    """Holds one backend client for one endpoint; runs trials with the local executor's retries and timeouts.

    The backend is built in ``setup`` (not ``__init__``) so that a bad configuration comes back as a normal
    error rather than as a dead actor, and so the API key never appears in the actor's creation arguments.
    """

    def __init__(self, spec: BackendSpec, settings: ExecSettings) -> None:
        self._spec = spec
        self._settings = settings
        self._backend: Backend | None = None

    async def setup(self, secret: Secret | None = None) -> WorkerInfo:
        from redline.backends.factory import make_backend

        var = self._spec.api_key_env
        from_env = bool(var and os.environ.get(var))
        if var and not from_env and secret is not None:
            os.environ[var] = secret.reveal()  # this worker process only; never in runtime_env or logs
        self._backend = make_backend(self._spec)
        preflight = getattr(self._backend, "preflight", None)
        if preflight is not None:  # reachability as this node sees it, which is what matters on a cluster
            preflight()
        return WorkerInfo(pid=os.getpid(), node=os.uname().nodename, identity=self._backend.identity(),
                          key_from_env=from_env, redline_version=__version__, code=code_digest())

    async def generate(self, trial: Trial) -> Generation:
        backend = self._backend
        if backend is None:
            raise RuntimeError("GenerationWorker.generate called before setup")
        settings = self._settings
        request = GenerationRequest.for_trial(trial, max_tokens=settings.max_tokens, temperature=settings.temperature)
        started = time.perf_counter()
        result, err, attempts = await _attempt(backend, request, settings)
        return _record(trial, backend, result, err, attempts, time.perf_counter() - started, False)

    async def close(self) -> None:
        if self._backend is not None:
            await self._backend.aclose()


def judge_batch(judge: Judge, batch: Sequence[JudgeInput]) -> tuple[str, list[Verdict]]:
    """One Ray task: one call of the judge over the batch (one Bandit and one Semgrep process per batch),
    with the digest of the code that judged it."""
    return code_digest(), judge.judge(batch)
