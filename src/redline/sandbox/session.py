"""A running sandbox: one pre-forked worker process, fed jobs over a pipe; and a pool of them.

``SandboxSession.run(job)`` sends one job (files to write, an entry point ``module:function`` and the paths
to import it from) and returns the worker's answer. The worker forks one child per job inside the sandbox, so
the frameworks it preloaded cost nothing per sample. A crashed or hung worker is restarted on the next job.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redline.sandbox import kinds
from redline.sandbox.cgroup import PidsCgroup
from redline.sandbox.limits import Limits, scrubbed_env

log = logging.getLogger(__name__)
DEFAULT_PRELOAD = ("flask", "werkzeug.test", "jinja2", "yaml", "sqlite3", "json", "hmac", "hashlib", "html",
                   "subprocess", "requests", "bcrypt", "argon2", "flask_wtf", "werkzeug.security",
                   "PIL.Image", "fastapi", "fastapi.testclient", "sqlalchemy.orm",
                   "flask_login", "flask_sqlalchemy")
HANDSHAKE_TIMEOUT_S = 60.0


class SandboxUnavailable(RuntimeError):
    """No sandbox of the requested kind can run here; ``str()`` is the reason for a ``not_run`` verdict."""


@dataclass
class SandboxConfig:
    kind: str = "auto"
    allow_none: bool = False
    limits: Limits = field(default_factory=Limits)
    preload: tuple[str, ...] = DEFAULT_PRELOAD
    mounts: dict[str, str] = field(default_factory=dict)  # host dir -> path inside (containers); identity else
    preload_paths: tuple[str, ...] = ()  # host dirs of trusted modules named in ``preload``


class SandboxSession:
    """One worker in one sandbox. Not thread-safe: a pool gives each thread its own session."""

    def __init__(self, config: SandboxConfig) -> None:
        got = kinds.choose(config.kind, allow_none=config.allow_none)
        if not got.available:
            raise SandboxUnavailable(got.reason)
        if got.kind == "none":
            log.warning("sandbox 'none': model-written code runs WITHOUT isolation (explicitly allowed)")
        self.kind = got.kind
        self.config = config
        self._proc: subprocess.Popen[str] | None = None
        self._workdir: str | None = None
        self._cgroup: PidsCgroup | None = None
        self.jobs_run = 0

    def map_path(self, host_path: str | Path) -> str:
        """Where a host folder (read-only harness code) is seen inside the sandbox."""
        text = str(host_path)
        if self.kind in ("docker", "podman"):
            for host, inside in self.config.mounts.items():
                if text == host or text.startswith(host.rstrip("/") + "/"):
                    return inside + text[len(host):]
        return text

    def _start(self) -> subprocess.Popen[str]:
        self._workdir = tempfile.mkdtemp(prefix="redline-sbx-")
        preload = ",".join(self.config.preload)
        paths = os.pathsep.join(self.map_path(p) for p in self.config.preload_paths)
        if self.kind == "namespace":
            cmd = kinds.namespace_command(self._workdir, preload, paths)
        elif self.kind in ("docker", "podman"):
            lim = self.config.limits
            cmd = kinds.container_command(self.kind, self.config.mounts, preload, preload_path=paths,
                                          memory_mb=lim.address_space_bytes // 2**20, processes=lim.processes)
        else:
            cmd = [sys.executable, "-I", str(kinds.WORKER), self._workdir, preload, paths]
        if self.kind == "namespace":  # a hard process cap where the kernel lets us make one
            self._cgroup = PidsCgroup.create(self.config.limits.processes + 16)
        join = self._cgroup.join if self._cgroup is not None else None
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env=scrubbed_env(self._workdir), cwd=self._workdir, bufsize=1,
                                start_new_session=True, preexec_fn=join)  # noqa: PLW1509 - writes one file
        ready = self._readline(proc, HANDSHAKE_TIMEOUT_S)
        if ready is None or not ready.get("ready"):
            err = proc.stderr.read()[-500:] if proc.stderr and proc.poll() is not None else ""
            self._kill(proc)
            raise SandboxUnavailable(f"sandbox worker ({self.kind}) did not start: {err.strip() or 'no handshake'}")
        return proc

    @staticmethod
    def _readline(proc: subprocess.Popen[str], timeout: float) -> dict[str, Any] | None:
        box: list[str] = []
        reader = threading.Thread(target=lambda: box.append(proc.stdout.readline() if proc.stdout else ""),
                                  daemon=True)
        reader.start()
        reader.join(timeout)
        if not box or not box[0]:
            return None
        try:
            value = json.loads(box[0])
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def run(self, job: dict[str, Any]) -> dict[str, Any]:
        """Run one job; ``job['budget_s']`` bounds it inside, and a hung worker is killed from outside."""
        job = {"limits": self.config.limits.rlimits(), "budget_s": self.config.limits.budget_s, **job}
        if self._proc is None or self._proc.poll() is not None:
            self._proc = self._start()
        proc = self._proc
        assert proc.stdin is not None
        try:
            proc.stdin.write(json.dumps(job) + "\n")
            proc.stdin.flush()
        except OSError as exc:
            self.close()
            return {"id": job.get("id"), "timed_out": False, "lines": [], "exit": -1,
                    "output_tail": f"sandbox worker gone: {exc}", "worker_failed": True}
        answer = self._readline(proc, float(job["budget_s"]) + 30.0)
        self.jobs_run += 1
        if answer is None:
            self.close()
            return {"id": job.get("id"), "timed_out": True, "lines": [], "exit": -1,
                    "output_tail": "sandbox worker stopped answering", "worker_failed": True}
        answer["worker"] = f"{id(self):x}:{proc.pid}"  # which worker answered (all are PID 1 inside)
        return answer

    @staticmethod
    def _kill(proc: subprocess.Popen[str]) -> None:
        if proc.poll() is None:
            proc.kill()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass

    def close(self) -> None:
        if self._proc is not None:
            self._kill(self._proc)
            self._proc = None
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None
        if self._cgroup is not None:
            self._cgroup.remove()
            self._cgroup = None

    def __enter__(self) -> SandboxSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SandboxPool:
    """``workers`` sessions, one per thread; ``map`` runs jobs over them in order of the input."""

    def __init__(self, config: SandboxConfig, workers: int = 2) -> None:
        self.config = config
        self.sessions = [SandboxSession(config) for _ in range(max(1, workers))]
        self.kind = self.sessions[0].kind
        self._free: list[SandboxSession] = list(self.sessions)
        self._lock = threading.Lock()

    def map_path(self, host_path: str | Path) -> str:
        return self.sessions[0].map_path(host_path)

    def _one(self, job: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            session = self._free.pop()
        try:
            return session.run(job)
        finally:
            with self._lock:
                self._free.append(session)

    def map(self, jobs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        if len(self.sessions) == 1:
            return [self.sessions[0].run(job) for job in jobs]
        with ThreadPoolExecutor(max_workers=len(self.sessions)) as pool:
            return list(pool.map(self._one, jobs))

    def close(self) -> None:
        for session in self.sessions:
            session.close()

    def __enter__(self) -> SandboxPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
