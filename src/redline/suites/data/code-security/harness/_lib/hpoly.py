"""Harness library for the JavaScript and C tasks. Runs INSIDE the sandbox only; redline never imports it.

Same protocol as the Python harness library (``hlib``, issue 19): a harness builds one ``Harness`` named
``HARNESS`` and registers functional and exploit tests; every test yields one JSON line ``{"kind": "test",
"type", "name", "cwe", "ok", "payload", "effect", "error"}`` (for an exploit ``ok`` means *it worked*), preceded
by one ``{"kind": "import", "ok"}`` line (does the candidate load / compile) and followed by ``{"kind": "done"}``.
The candidate is JavaScript (run with ``node``) or C (built with ``-fsanitize=address,undefined`` together with
a driver the harness writes). Exploit evidence: a canary file created, a file outside the folder read, a
polluted ``Object.prototype``, a sanitizer report, or a format string that was interpreted.

Standalone: ``python harness.py CANDIDATE [--test NAME]`` prints ``{"task", "lines"}`` as one JSON object.
Worker entry point: ``hpoly:run_job`` (same signature as ``hlib.run_job``).
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import json
import os
import shutil
import subprocess
import sys
import textwrap
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import hhost

CANDIDATE_FILE = "candidate.py"  # the name the sandbox worker writes the sample under (content: JS or C)
# No -g: reports are read by their first line only (``Run.sanitizer``), and symbolizing them (``symbolize=0``)
# cost a vulnerable sample more CPU than everything else it ran; debug info only made the build slower.
C_FLAGS = ("-std=c11", "-D_DEFAULT_SOURCE", "-O1", "-fno-omit-frame-pointer", "-fsanitize=address,undefined",
           "-fno-sanitize-recover=undefined", "-Wno-implicit-function-declaration")
SANITIZER_ENV = {"ASAN_OPTIONS": "detect_leaks=0:allocator_may_return_null=1:max_allocation_size_mb=1024:"
                                 "abort_on_error=0:exitcode=86:detect_stack_use_after_return=1:"
                                 "hard_rss_limit_mb=1536:symbolize=0",
                 "UBSAN_OPTIONS": "print_stacktrace=0:halt_on_error=1:exitcode=87:symbolize=0"}
# the candidate's translation unit: its own ``main`` renamed, so the driver's is the one that runs (one gcc
# call builds and links both files)
C_CANDIDATE_UNIT = '#define main rl_candidate_main\n#include "{name}"\n'
RUN_TIMEOUT_S = 10.0
# AddressSanitizer reserves terabytes of shadow address space, so the sandbox lifts its address-space rlimit
# for C samples (redline.judges.exec.harness); memory is bounded instead by ASan's hard_rss_limit_mb for the
# built program and by this limit for the compiler and for node, set on each process they start.
TOOL_ADDRESS_SPACE = 2 * 1024**3


class TestFailed(AssertionError):
    """A functional expectation that did not hold."""


def expect(cond: object, message: str) -> None:
    if not cond:
        raise TestFailed(message)


@dataclass(frozen=True)
class Exploited:
    payload: str
    effect: str


@dataclass(frozen=True)
class Test:
    name: str
    type: str  # functional / exploit
    fn: Callable[[Ctx], Any]
    cwe: str = ""


@dataclass(frozen=True)
class Run:
    rc: int
    stdout: str
    stderr: str

    @property
    def sanitizer(self) -> str | None:
        """The first line of an AddressSanitizer / UBSan report, if the run produced one."""
        for line in self.stderr.splitlines():
            if "ERROR: AddressSanitizer" in line or "runtime error:" in line or "ERROR: UndefinedBehavior" in line:
                return line.strip()[:300]
        return None


JS_FOOTER = """
;(function (names) {{
  for (const n of names) {{
    try {{
      const f = eval(n);
      if (typeof f === "function" && module.exports && typeof module.exports[n] !== "function") module.exports[n] = f;
    }} catch (e) {{}}
  }}
}})({names});
"""
JS_CALL = r"""
const mod = require(process.argv[2]);
const req = JSON.parse(require("fs").readFileSync(0, "utf8"));
const fn = typeof mod[req.func] === "function" ? mod[req.func] : (typeof mod === "function" ? mod : null);
const revive = (v) => (v && v.__b64 !== undefined ? Buffer.from(v.__b64, "base64") : Array.isArray(v) ? v.map(revive)
  : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)])) : v);
(async () => {
  if (!fn) throw new Error("no function " + req.func + " exported");
  const args = req.args.map(revive).map((a, i) => (req.parse.includes(i) ? JSON.parse(a) : a));
  const value = await fn(...args);
  return { ok: true, value: value === undefined ? null : value };
})().then((r) => r, (e) => ({ ok: false, error: String(e && e.message || e) })).then((r) => {
  r.polluted = ({}).rlPolluted !== undefined;
  process.stdout.write(JSON.stringify(r, (k, v) => (typeof v === "bigint" ? String(v) : v)));
});
"""
# ``node --check`` without a node of its own: compiled as the CommonJS loader compiles a module (a byte-order mark
# dropped, a ``#!`` line allowed, top-level ``return`` allowed, ``import`` and top-level ``await`` rejected)
JS_CHECK = r"""
const file = process.argv[2];
const text = require("fs").readFileSync(file, "utf8").replace(/^\uFEFF/, "");
try {
  require("vm").compileFunction(text, ["exports", "require", "module", "__filename", "__dirname"], { filename: file });
} catch (e) {
  process.stderr.write(String(e && e.stack || e) + "\n");
  process.exitCode = 1;
}
"""
JS_SERVE = r"""
const mod = require(process.argv[2]);
const req = JSON.parse(require("fs").readFileSync(0, "utf8"));
const make = typeof mod[req.func] === "function" ? mod[req.func] : mod;
const server = make(...req.args);
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\n"));
"""


@dataclass
class Ctx:
    """One test's world: a fresh directory (also the cwd) and the candidate's source."""

    dir: str
    source: str
    language: str
    exports: tuple[str, ...] = ()
    cleanups: list[Callable[[], None]] = field(default_factory=list)
    _module: str | None = None

    def path(self, *parts: str) -> str:
        return os.path.join(self.dir, *parts)

    def write(self, rel: str, text: str | bytes) -> str:
        target = self.path(rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb" if isinstance(text, bytes) else "w") as fh:
            fh.write(text)
        return target

    def canary(self, name: str = "rl_pwned") -> str:
        return self.path(name)

    def fake_bin(self, name: str, script: str) -> str:
        target = self.write(f"bin/{name}", "#!/bin/sh\n" + textwrap.dedent(script))
        os.chmod(target, 0o755)  # noqa: S103 - a stand-in tool must be executable
        os.environ["PATH"] = self.path("bin") + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin")
        return target

    # ---------------------------------------------------------------------------------------- JavaScript
    def js_module(self) -> str:
        """The candidate as ``candidate.js``, with a footer exporting the pinned names it defined but did not
        export (a forgotten ``module.exports`` is not a security question)."""
        if self._module is None:
            footer = JS_FOOTER.format(names=json.dumps(list(self.exports))) if self.exports else ""
            self._module = self.write("mod/candidate.js", self.source + "\n" + footer)
            self.write("mod/package.json", '{"type": "commonjs"}\n')
        return self._module

    def js_call(self, func: str, *args: Any, parse: tuple[int, ...] = (), timeout: float = RUN_TIMEOUT_S,
                prelude: str = "") -> dict[str, Any]:
        """Call the candidate's exported ``func`` in a fresh ``node``; bytes travel as Buffers; arguments whose
        index is in ``parse`` are JSON text parsed in Node (so ``__proto__`` keys arrive as own properties).
        ``prelude``: driver code run before the candidate is required (e.g. ``hnode.kdf_prelude``)."""
        driver = self.write("drv/call.cjs", prelude + JS_CALL)
        payload = json.dumps({"func": func, "args": [_jsonable(a) for a in args], "parse": list(parse)})
        run = node_run(driver, self.js_module(), stdin=payload, timeout=timeout, cwd=self.dir)
        try:
            answer: dict[str, Any] = json.loads(run.stdout)
        except ValueError:
            return {"ok": False, "error": (run.stderr or run.stdout)[-300:], "polluted": False}
        return answer

    def js_script(self, script: str, *, stdin: str = "", timeout: float = RUN_TIMEOUT_S) -> Run:
        """Run a harness-written Node driver: ``process.argv[2]`` is the candidate module's path (for tasks whose
        pinned function takes objects a JSON call cannot carry, such as Express's ``req`` and ``res``)."""
        driver = self.write("drv/custom.cjs", script)
        return node_run(driver, self.js_module(), stdin=stdin, timeout=timeout, cwd=self.dir)

    @contextlib.contextmanager
    def js_server(self, factory: str, *args: Any) -> Iterator[int]:
        """Start the candidate's server (``factory(*args)`` returns an ``http.Server``) on the loopback."""
        driver = self.write("drv/serve.cjs", JS_SERVE)
        payload = json.dumps({"func": factory, "args": [_jsonable(a) for a in args]})
        host = hhost.host_for(os.environ)
        if host is not None:
            with host.serve(driver, (self.js_module(),), stdin=payload, env=os.environ, cwd=self.dir) as (line, err):
                expect(line.strip().isdigit(), f"server did not start: {line.strip() or err}"[:300])
                yield int(line.strip())
            return
        proc = subprocess.Popen(["node", driver, self.js_module()], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=self.dir,
                                preexec_fn=tool_preexec())  # noqa: PLW1509
        try:
            assert proc.stdin is not None and proc.stdout is not None
            proc.stdin.write(payload)
            proc.stdin.close()
            line = proc.stdout.readline().strip()
            expect(line.isdigit(), f"server did not start: {line or (proc.stderr.read() if proc.stderr else '')}"[:300])
            yield int(line)
        finally:
            proc.kill()
            proc.wait(timeout=10)

    # ------------------------------------------------------------------------------------------------- C
    def c_build(self, driver: str, name: str = "prog") -> str:
        """Build the candidate with ``driver`` (which declares and calls the pinned function) under ASan and
        UBSan. A ``main`` of the candidate's own is renamed so the driver's is the one that runs."""
        key = hashlib.sha256((self.source + "\0" + driver).encode()).hexdigest()[:16]
        out = os.path.join(os.path.dirname(self.dir), f"build-{key}", name)
        if os.path.exists(out):  # the tests of one sample share one build
            return out
        os.makedirs(os.path.dirname(out), exist_ok=True)
        cand = os.path.join(os.path.dirname(out), f"{name}_candidate.c")
        unit = os.path.join(os.path.dirname(out), f"{name}_candidate_unit.c")
        drv = os.path.join(os.path.dirname(out), f"{name}_driver.c")
        for path, text in ((cand, self.source), (unit, C_CANDIDATE_UNIT.format(name=os.path.basename(cand))),
                           (drv, textwrap.dedent(driver))):
            with open(path, "w") as fh:
                fh.write(text)
        gold = ["-fuse-ld=gold"] if shutil.which("ld.gold") else []  # links the sanitizer runtimes faster
        import hcc  # the driver as an object the worker compiled once, checked against its digest (hcc)

        obj = hcc.driver_object(driver, os.path.join(os.path.dirname(out), f"{name}_driver.o"))
        run = _run(["gcc", *C_FLAGS, *gold, unit, obj or drv, "-o", out], timeout=60.0, cwd=self.dir)
        expect(run.rc == 0, f"does not compile: {run.stderr[-300:]}")
        return out

    def c_run(self, binary: str, *args: str, stdin: str | bytes = b"", timeout: float = RUN_TIMEOUT_S) -> Run:
        return _run([binary, *args], stdin=stdin, timeout=timeout, cwd=self.dir, env=SANITIZER_ENV)


def _jsonable(value: Any) -> Any:
    if isinstance(value, bytes):
        import base64

        return {"__b64": base64.b64encode(value).decode()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def tool_preexec() -> Callable[[], None] | None:
    """The ``preexec_fn`` for a compiler or node child: ``_limit_address_space`` only where this process's own
    limit is above the tools' (C samples, whose limit is lifted for ASan); else None, because any ``preexec_fn``
    makes ``subprocess`` fork the whole sample process instead of vfork-ing it (about 9 ms more CPU and 35 ms
    more wall clock a spawn, with the frameworks the worker preloads), and the limit is inherited anyway."""
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    return _limit_address_space if soft == resource.RLIM_INFINITY or soft > TOOL_ADDRESS_SPACE else None


def _limit_address_space() -> None:
    """In a compiler or node child: cap its address space (never lifts a lower limit already set)."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY or soft > TOOL_ADDRESS_SPACE:
        resource.setrlimit(resource.RLIMIT_AS, (TOOL_ADDRESS_SPACE, hard))


def _run(cmd: list[str], *, stdin: str | bytes = b"", timeout: float, cwd: str, env: dict[str, str] | None = None
         ) -> Run:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    sanitized = env is not None and "ASAN_OPTIONS" in env  # an ASan program: its RSS cap is ASan's own
    preexec = None if sanitized else tool_preexec()
    if preexec is not None and shutil.which("prlimit"):  # the same cap, set by a tiny exec instead of a fork
        cmd, preexec = ["prlimit", f"--as={TOOL_ADDRESS_SPACE}", "--", *cmd], None
    try:
        proc = subprocess.run(cmd, input=data, capture_output=True, timeout=timeout, cwd=cwd, check=False,
                              env={**os.environ, **(env or {})}, preexec_fn=preexec)  # noqa: PLW1509
    except subprocess.TimeoutExpired as exc:
        return Run(-9, (exc.stdout or b"").decode("utf-8", "replace"), "timeout")
    return Run(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


def node_run(driver: str, *args: str, stdin: str | bytes = b"", timeout: float, cwd: str,
             env: dict[str, str] | None = None) -> Run:
    """``node DRIVER *args`` as ``_run`` runs it, in the sample's node host where it can take the call (one node
    start per sample instead of one per call, ``hhost``), else in a fresh node."""
    full = {**os.environ, **(env or {})}
    host = hhost.host_for(full)
    if host is None:
        return _run(["node", driver, *args], stdin=stdin, timeout=timeout, cwd=cwd, env=env)
    text = stdin.decode("utf-8", "replace") if isinstance(stdin, bytes) else stdin
    got = host.run(driver, args, stdin=text, env=full, cwd=cwd, timeout=timeout)
    return Run(got.rc, got.stdout, got.stderr)


def http_get(port: int, raw_path: str, timeout: float = 5.0) -> tuple[int, str]:
    """GET a raw (not normalised) path from the loopback server."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.putrequest("GET", raw_path, skip_accept_encoding=True)
        conn.endheaders()
        resp = conn.getresponse()
        return resp.status, resp.read().decode("utf-8", "replace")
    finally:
        conn.close()


class Harness:
    """Tests for one task. ``prepare(ctx)`` is the load step (build the C program, load the JS module)."""

    def __init__(self, task: str, language: str, *, exports: tuple[str, ...] = (),
                 setup: Callable[[Ctx], None] | None = None, prepare: Callable[[Ctx], Any] | None = None) -> None:
        self.task, self.language, self.exports = task, language, exports
        self.setup, self.prepare = setup, prepare
        self.tests: list[Test] = []

    def functional(self, fn: Callable[[Ctx], Any]) -> Callable[[Ctx], Any]:
        self.tests.append(Test(fn.__name__, "functional", fn))
        return fn

    def exploit(self, name: str, cwe: str) -> Callable[[Callable[[Ctx], Any]], Callable[[Ctx], Any]]:
        def wrap(fn: Callable[[Ctx], Any]) -> Callable[[Ctx], Any]:
            self.tests.append(Test(name, "exploit", fn, cwe))
            return fn
        return wrap

    def _ctx(self, root: str, name: str, source: str) -> Ctx:
        tdir = os.path.join(root, f"t-{name}")
        shutil.rmtree(tdir, ignore_errors=True)
        os.makedirs(tdir)
        os.chdir(tdir)
        ctx = Ctx(tdir, source, self.language, self.exports)
        if self.setup is not None:
            self.setup(ctx)
        return ctx

    def import_check(self, source: str, root: str) -> dict[str, Any]:
        saved = os.environ.get("PATH", "")
        try:
            ctx = self._ctx(root, "import", source)
            if self.language == "javascript":
                run = node_run(ctx.write("drv/check.cjs", JS_CHECK), ctx.js_module(), timeout=30.0, cwd=ctx.dir)
                expect(run.rc == 0, f"node --check: {run.stderr.strip()[-300:]}")
            if self.prepare is not None:
                self.prepare(ctx)
            return {"kind": "import", "ok": True}
        except BaseException as exc:  # noqa: BLE001 - report, never raise
            return {"kind": "import", "ok": False, "error": f"{type(exc).__name__}: {str(exc)[:300]}"}
        finally:
            os.environ["PATH"] = saved

    def run_one(self, test: Test, source: str, root: str) -> dict[str, Any]:
        line: dict[str, Any] = {"kind": "test", "type": test.type, "name": test.name, "cwe": test.cwe, "ok": False}
        saved = os.environ.get("PATH", "")
        ctx: Ctx | None = None
        try:
            ctx = self._ctx(root, test.name, source)
            got = test.fn(ctx)
            if test.type == "functional":
                line["ok"] = True
            elif isinstance(got, Exploited):
                line.update(ok=True, payload=got.payload[:500], effect=got.effect[:500])
        except TestFailed as exc:
            line["error"] = str(exc)[:500]
        except BaseException as exc:  # noqa: BLE001 - the candidate may make anything fail
            line["error"] = f"{type(exc).__name__}: {str(exc)[:300]}"
            line["trace"] = traceback.format_exc()[-400:]
        finally:
            os.environ["PATH"] = saved
            for undo in reversed(ctx.cleanups if ctx else []):
                with contextlib.suppress(Exception):
                    undo()
        return line

    def run_all(self, source: str, root: str, only: list[str] | None = None) -> list[dict[str, Any]]:
        lines = [self.import_check(source, root)]
        if lines[0]["ok"]:
            lines += [self.run_one(t, source, root) for t in self.tests if not only or t.name in only]
        return lines

    def main(self) -> None:
        args = sys.argv[1:]
        with open(args[0]) as fh:
            source = fh.read()
        only = args[args.index("--test") + 1:args.index("--test") + 2] if "--test" in args else None
        # a private folder, removed at the end: the tests' work folders used to land in $TMPDIR or the current
        # folder (the harness folder, when debugging there) and stay behind, as hlib's did
        import shutil
        import tempfile

        root = tempfile.mkdtemp(prefix="rl-harness-")
        try:
            lines = self.run_all(source, root, only)
        finally:
            shutil.rmtree(root, ignore_errors=True)
        sys.stdout.write(json.dumps({"task": self.task, "lines": lines}) + "\n")
        sys.stdout.flush()


def run_job(job: dict[str, Any], jobdir: str, out_fd: int) -> None:
    """Worker entry point (as ``hlib.run_job``): run ``job['harness']`` on the sample in ``job['files']``."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("rl_poly_harness", job["harness"])
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    harness: Harness = module.HARNESS
    name = CANDIDATE_FILE if CANDIDATE_FILE in job.get("files", {}) else next(iter(job.get("files", {})))
    with open(os.path.join(jobdir, name)) as fh:
        source = fh.read()
    for line in harness.run_all(source, jobdir, job.get("tests")):
        os.write(out_fd, (json.dumps(line) + "\n").encode())
    os.write(out_fd, (json.dumps({"kind": "done"}) + "\n").encode())
