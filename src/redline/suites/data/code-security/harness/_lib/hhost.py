"""The Python side of ``hnode_host.cjs``: one node process per sample runs the harness's Node calls in turn.

Starting node costs about 55 ms of CPU; a JavaScript sample used to start it for every call (every
``js_call``, ``run_json``, ``serve_app``), which made JavaScript the slowest language to judge. The host keeps
each call as a fresh ``node DRIVER ARGS`` would see it (argv, environment, cwd, stdin, require cache, exit
status, output), puts back what a call changed in the builtins, and ends itself after a call that left behind
what it cannot put back (see the .cjs file); the next call then starts a new host. Calls the host cannot take
(one while a server call holds it, node flags other than ``HOST_FLAGS``, a ``NODE_*`` environment node reads at
its start) return None and the caller starts a fresh node as before. Runs INSIDE the sandbox only, in the
sample's own process: a host never outlives its sample.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

HOST_JS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hnode_host.cjs")
START_TIMEOUT_S = 60.0
# closing a call's servers takes milliseconds; a host that has not answered by then is busy with the candidate's
# work (a request still running a backtracking regex) and is killed, as a fresh node was at once
STOP_TIMEOUT_S = 0.5
ENABLED = os.environ.get("RL_NODE_HOST", "1") != "0"  # RL_NODE_HOST=0: a fresh node per call, as before


@dataclass(frozen=True)
class HostRun:
    rc: int  # -9 when it timed out
    stdout: str
    stderr: str
    timed_out: bool = False


def _node_env(env: Mapping[str, str]) -> dict[str, str]:
    """The variables node itself reads (at its start, some of them): a call with others needs a node of its own.
    NODE_ENV is the app's convention, read through ``process.env`` like any other variable; a NODE_OPTIONS made
    only of ``--require PATH`` the host does itself (``preloads``)."""
    out = {k: v for k, v in env.items() if k.startswith(("NODE_", "UV_")) and k != "NODE_ENV"}
    if preloads(env):
        out.pop("NODE_OPTIONS")
    return out


def preloads(env: Mapping[str, str]) -> list[str]:
    """The modules of a NODE_OPTIONS that is only ``--require PATH`` / ``-r PATH`` options ([] for any other)."""
    words = env.get("NODE_OPTIONS", "").split()
    if not words or len(words) % 2 or any(c in "".join(words) for c in "\"'\\"):
        return []
    pairs = list(zip(words[::2], words[1::2], strict=True))
    return [path for opt, path in pairs] if all(opt in ("--require", "-r") for opt, _ in pairs) else []


class NodeHost:
    def __init__(self, flags: tuple[str, ...]) -> None:
        from hpoly import TOOL_ADDRESS_SPACE, tool_preexec

        self.flags = flags
        self.busy = False
        self.start_env = {k: v for k, v in os.environ.items() if not (k == "NODE_OPTIONS" and preloads(os.environ))}
        self._buf = b""
        r, w = os.pipe()
        cmd = ["node", *flags, HOST_JS]
        preexec = tool_preexec()
        if preexec is not None and shutil.which("prlimit"):  # as hpoly._run: the cap set by exec, not fork
            cmd, preexec = ["prlimit", f"--as={TOOL_ADDRESS_SPACE}", "--", *cmd], None
        self.proc = subprocess.Popen([*cmd, str(w)], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, pass_fds=(w,), cwd="/", env=self.start_env,
                                     preexec_fn=preexec)  # noqa: PLW1509 - as hpoly's node runs
        os.close(w)
        self.fd = r
        first = self._message(time.monotonic() + START_TIMEOUT_S)
        if not first or not first.get("ready"):
            self.close()
            raise OSError("the node host did not start")

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None and self.fd >= 0

    def accepts(self, env: Mapping[str, str], flags: tuple[str, ...]) -> bool:
        return (self.alive and not self.busy and set(flags) <= set(self.flags)
                and _node_env(env) == _node_env(self.start_env))

    def _message(self, deadline: float) -> dict[str, object] | None:
        """The next message; None at the deadline or when the host is gone (EOF)."""
        while b"\n" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                return None
            data = os.read(self.fd, 65536)
            if not data:
                return None
            self._buf += data
        line, _, self._buf = self._buf.partition(b"\n")
        msg: dict[str, object] = json.loads(line)
        return msg

    def _send(self, cmd: dict[str, object]) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write((json.dumps(cmd) + "\n").encode())
        self.proc.stdin.flush()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        with contextlib.suppress(Exception):
            self.proc.wait(timeout=10)
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def _collect(self, deadline: float, out: list[str], err: list[str], until: str) -> dict[str, object] | None:
        while True:
            msg = self._message(deadline)
            if msg is None or until in msg:
                return msg
            if "out" in msg:
                out.append(str(msg["out"]))
            elif "err" in msg:
                err.append(str(msg["err"]))
            elif "bye" in msg:
                return None

    def run(self, driver: str, args: tuple[str, ...], *, stdin: str, env: Mapping[str, str], cwd: str,
            timeout: float) -> HostRun:
        """One call run to its end (as ``subprocess.run`` with ``timeout``)."""
        self._send({"mode": "run", "driver": driver, "args": list(args), "stdin": stdin, "env": dict(env),
                    "preload": preloads(env),
                    "cwd": cwd})
        out: list[str] = []
        err: list[str] = []
        done = self._collect(time.monotonic() + timeout, out, err, "done")
        if done is None:
            timed_out = self.alive
            self.close()  # a fresh node would have been killed (timeout) or has died: so does the host
            rc = -9 if timed_out else (self.proc.returncode or 1)
            return HostRun(rc, "".join(out), "timeout" if timed_out else "".join(err), timed_out)
        if done.get("leave"):
            self.close()
        return HostRun(int(done.get("rc") or 0), "".join(out), "".join(err))  # type: ignore[call-overload]

    @contextlib.contextmanager
    def serve(self, driver: str, args: tuple[str, ...], *, stdin: str, env: Mapping[str, str], cwd: str
              ) -> Iterator[tuple[str, str]]:
        """A server call: yields (first stdout line, stderr so far); stops it (closes its servers) after."""
        self.busy = True
        ended = False
        try:
            self._send({"mode": "serve", "driver": driver, "args": list(args), "stdin": stdin,
                        "preload": preloads(env), "env": dict(env), "cwd": cwd})
            out: list[str] = []
            err: list[str] = []
            deadline = time.monotonic() + START_TIMEOUT_S
            while "\n" not in "".join(out):
                msg = self._message(deadline)
                if msg is None or "done" in msg or "bye" in msg:
                    ended = True
                    break
                if "out" in msg:
                    out.append(str(msg["out"]))
                elif "err" in msg:
                    err.append(str(msg["err"]))
            text = "".join(out)
            yield (text.split("\n", 1)[0] if "\n" in text else text), "".join(err)
        finally:
            self.busy = False
            if ended or not self.alive:
                self.close()
            else:
                with contextlib.suppress(OSError, ValueError):
                    self._send({"op": "stop"})
                stopped = self._collect(time.monotonic() + STOP_TIMEOUT_S, [], [], "stopped")
                if stopped is None or stopped.get("leave"):
                    self.close()


# Node flags a host may carry for calls that did not ask for them: without the trap handler, WebAssembly (fetch's
# HTTP parser) checks its bounds itself instead of reserving more address space than the sandbox allows; nothing
# else changes. A host starts with them where this node has them, so that SSRF harnesses' fetch calls
# (``hnode.node_flags()``) share the sample's one host.
HOST_FLAGS = ("--disable-wasm-trap-handler",)
_HOSTS: list[NodeHost] = []  # the sample's host (at most one alive)
_FLAGS_OK: list[bool] = []  # whether this node accepts HOST_FLAGS, once a host has started


def _start() -> NodeHost | None:
    for flags in ((HOST_FLAGS, ()) if not _FLAGS_OK or _FLAGS_OK[0] else ((),)):
        try:
            host = NodeHost(flags)
        except OSError:
            continue
        _FLAGS_OK[:] = [bool(flags)]
        return host
    return None


def host_for(env: Mapping[str, str], flags: tuple[str, ...] = ()) -> NodeHost | None:
    """A host that can take a call with this environment and these node flags now, or None (run node afresh)."""
    if not ENABLED or not set(flags) <= set(HOST_FLAGS) or shutil.which("node") is None:
        return None
    host = _HOSTS[0] if _HOSTS else None
    if host is not None and host.busy:
        return None
    if host is not None and not host.alive:
        host.close()
        _HOSTS.clear()
        host = None
    if host is None:
        host = _start()
        if host is None:
            return None
        _HOSTS.append(host)
    return host if host.accepts(env, flags) else None


def wasm_flags() -> tuple[str, ...] | None:
    """``HOST_FLAGS`` if this node has them, () if not, None when no host could tell (hosts switched off)."""
    if not _FLAGS_OK and host_for(os.environ) is None:
        return None
    return HOST_FLAGS if _FLAGS_OK and _FLAGS_OK[0] else ()


@atexit.register
def close_all() -> None:
    for host in _HOSTS:
        host.close()
    _HOSTS.clear()
