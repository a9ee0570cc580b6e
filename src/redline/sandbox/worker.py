"""The pre-forked worker that runs *inside* a sandbox: one process per sandbox, heavy modules imported once.

It reads one JSON job per line on stdin and answers one JSON line per job on stdout. For each job it forks a
child that starts its own session, sets the resource limits, writes the job's files into a fresh directory,
points fd 0/1/2 away from the protocol pipes, and calls the job's entry point; the child streams result lines
to a private pipe. The worker kills the child's process group when the job's wall-clock budget runs out and,
when it is PID 1 of a PID namespace, every other process left in the namespace too.

Standard library only, and never imported by redline's own process: redline runs this file as a script.
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import resource
import select
import shutil
import signal
import sys
import time
import traceback
from typing import Any

MAX_RESULT_BYTES = 1_000_000  # a job's result stream is cut here
MAX_OUTPUT_TAIL = 2_000
WARM_DIR = ".warm"  # the ``warm`` hook's scratch folder in the work directory, emptied with the job's
WATCH_INTERVAL_S = 0.02  # characters of the candidate's stdout/stderr kept for the report
LIMIT_NAMES = {"cpu_s": resource.RLIMIT_CPU, "address_space_bytes": resource.RLIMIT_AS,
               "file_size_bytes": resource.RLIMIT_FSIZE, "processes": resource.RLIMIT_NPROC,
               "open_files": resource.RLIMIT_NOFILE}


def _set_limits(limits: dict[str, int]) -> None:
    for name, value in limits.items():
        which = LIMIT_NAMES.get(name)
        if which is None or value is None:
            continue
        soft, hard = resource.getrlimit(which)
        new = int(value) if hard == resource.RLIM_INFINITY else min(int(value), hard)
        resource.setrlimit(which, (new, new))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _write_files(root: str, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = os.path.normpath(os.path.join(root, rel))
        if not path.startswith(root + os.sep):
            raise ValueError(f"file outside the job directory: {rel!r}")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)


def _child(job: dict[str, Any], jobdir: str, result_w: int) -> None:
    """In the forked child: isolate, limit, run the entry point. Never returns."""
    code = 0
    try:
        os.setsid()
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an over-size write fails with EFBIG instead of a kill
        os.makedirs(jobdir)
        os.chdir(jobdir)
        _write_files(jobdir, job.get("files", {}))
        out = os.open(os.path.join(jobdir, ".output"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(out, 1)
        os.dup2(out, 2)
        os.environ["HOME"] = jobdir
        os.environ["TMPDIR"] = jobdir
        _set_limits(job.get("limits", {}))
        for path in reversed(job.get("sys_path", [])):
            sys.path.insert(0, path)
        module_name, _, func = job["entry"].partition(":")
        entry = getattr(importlib.import_module(module_name), func)
        entry(job, jobdir, result_w)
    except BaseException:  # noqa: BLE001 - the child reports every failure as a result line
        try:
            os.write(result_w, (json.dumps({"kind": "crash", "error": traceback.format_exc()[-1500:]}) + "\n")
                     .encode())
        except OSError:
            pass
        code = 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001, S110 - a closed or broken stream must not block the exit
                pass
        os._exit(code)


def _sweep(own_pid: int) -> None:
    """As PID 1 of a namespace: kill every other process in it (they may have left the job's group)."""
    for name in os.listdir("/proc"):
        if name.isdigit() and int(name) not in (1, own_pid):
            try:
                os.kill(int(name), signal.SIGKILL)
            except OSError:
                pass


def _clear_namespace() -> None:
    """Kill and reap until only this process is left (killed processes stay in /proc until reaped)."""
    for _ in range(1000):
        _sweep(1)
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            if _process_count() <= 1:
                return
            time.sleep(0.005)


def _self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _process_count() -> int:
    return sum(1 for name in os.listdir("/proc") if name.isdigit())


def _reap() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _tail(path: str) -> str:
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - MAX_OUTPUT_TAIL))
            return fh.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _warm(job: dict[str, Any], folder: str) -> None:
    """Run the job's ``warm`` hook ("module:function", trusted library code already on the worker's path) in the
    worker itself, before the fork, so what it builds once (hpoly: a harness's compiled C driver) and what it
    records in memory reach every later job's child. It never sees the sample; a failure only costs speed. What it
    keeps it keeps in memory: its scratch ``folder`` is emptied after the job, as everything a job wrote is."""
    hook = job.get("warm")
    if not hook:
        return
    module_name, _, func = str(hook).partition(":")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        getattr(importlib.import_module(module_name), func)(job, folder)
    except Exception:  # noqa: BLE001, S110 - the job then builds everything itself
        pass


def run_job(job: dict[str, Any], workroot: str, counter: int) -> dict[str, Any]:
    """Fork, run, collect: the answer for one job."""
    jobdir = os.path.join(workroot, f"job{counter}")
    budget = float(job.get("budget_s", 10.0))
    usage0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    _warm(job, os.path.join(workroot, WARM_DIR))  # after usage0: what it spends is this job's CPU
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        _child(job, jobdir, w)
    os.close(w)
    deadline = time.monotonic() + budget
    chunks: list[bytes] = []
    size = 0
    timed_out = False
    too_many = False
    max_procs = int(job.get("limits", {}).get("processes") or 0)
    watch = os.getpid() == 1 and max_procs > 0  # PID 1 of a namespace sees exactly the sandbox's processes
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            break
        ready, _, _ = select.select([r], [], [], min(left, WATCH_INTERVAL_S) if watch else left)
        if watch and _process_count() > max_procs:
            too_many = True  # the watchdog for kernels that ignore RLIMIT_NPROC here
            break
        if not ready:
            continue
        data = os.read(r, 65536)
        if not data:
            break
        if size < MAX_RESULT_BYTES:
            chunks.append(data[:MAX_RESULT_BYTES - size])
            size += len(data)
    os.close(r)
    try:
        os.killpg(pid, signal.SIGKILL)  # whatever the job left running, and the child itself on a timeout
    except OSError:
        pass
    status = 0
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    if os.getpid() == 1:
        _clear_namespace()
    _reap()
    lines = []
    for raw in b"".join(chunks).decode("utf-8", "replace").splitlines():
        try:
            lines.append(json.loads(raw))
        except ValueError:
            continue
    usage1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = (usage1.ru_utime - usage0.ru_utime) + (usage1.ru_stime - usage0.ru_stime)
    if too_many:
        lines.append({"kind": "limit", "what": "processes", "limit": max_procs})
    answer = {"id": job.get("id"), "timed_out": timed_out, "lines": lines,
              "exit": os.waitstatus_to_exitcode(status) if status else 0, "cpu_s": round(cpu_s, 6),
              "worker_cpu_s": round(_self_cpu(), 6), "worker_pid": os.getpid(),
              "output_tail": _tail(os.path.join(jobdir, ".output"))}
    for name in os.listdir(workroot):  # nothing a job wrote survives into the next one
        path = os.path.join(workroot, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            try:
                os.unlink(path)
            except OSError:
                pass
    return answer


def main() -> None:
    workroot = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.getcwd())
    preload = [m for m in (sys.argv[2].split(",") if len(sys.argv) > 2 else []) if m]
    for path in reversed([p for p in (sys.argv[3].split(os.pathsep) if len(sys.argv) > 3 else []) if p]):
        sys.path.insert(0, path)  # trusted library code (e.g. the harness library) to preload as well
    loaded = []
    for name in preload:  # import once here so every forked job starts with them loaded
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001, S112 - a missing optional framework only costs speed
            continue
        loaded.append(name)
    gc.freeze()  # preloaded objects move to a permanent generation: forked jobs copy fewer pages
    protocol_out = os.fdopen(os.dup(1), "w", buffering=1)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)  # stray prints in the worker never reach the protocol stream
    protocol_out.write(json.dumps({"ready": True, "pid": os.getpid(), "preloaded": loaded}) + "\n")
    counter = 0
    for raw in sys.stdin:
        if not raw.strip():
            continue
        counter += 1
        try:
            job = json.loads(raw)
            answer = run_job(job, workroot, counter)
        except Exception:  # noqa: BLE001 - a malformed job must not end the worker
            answer = {"id": None, "timed_out": False, "lines": [],
                      "exit": -1, "output_tail": traceback.format_exc()[-1500:]}
        protocol_out.write(json.dumps(answer) + "\n")


if __name__ == "__main__":
    main()
