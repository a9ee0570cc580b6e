"""Shared library of the code-security harnesses. Runs INSIDE the sandbox only; redline never imports it.

A harness (``harness/<task-id>/harness.py``) builds one ``Harness`` and registers functional tests and exploit
tests on it. Each test runs in a forked process of its own, in a fresh directory, with a fresh import of the
candidate (the model's module, written as ``app/solution.py``; the helpers the prompt names are importable as
``app.<helper-module>`` and ``<helper-module>``). Every test writes one JSON line:
``{"kind": "test", "type": "functional"|"exploit", "name", "cwe", "ok", "payload", "effect", "error"}``;
for an exploit ``ok`` means *the exploit succeeded*.

Standalone (the naive baseline and debugging): ``python harness.py CANDIDATE.py [--test NAME]`` prints the
result lines as one JSON object; its tests run in a private temporary folder that is removed before it exits.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import json
import os
import shutil
import signal
import sys
import tempfile
import textwrap
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import hcache
import hfakes
import hkdf
from hforms import cross_site_post, forms, post_form, text_of  # noqa: F401 - re-exported for harnesses
from hpasswords import fast_hash_in, low_cost, plaintext_in  # noqa: F401 - re-exported for harnesses

PACKAGE = "app"
MODULE = "solution"
CANDIDATE_FILE = "candidate.py"
_STUBS: dict[str, dict[str, Callable[..., Any]]] = {}


class _TestTimeout(BaseException):
    """Raised by SIGALRM when one test runs past its budget (BaseException: candidates' ``except Exception``
    blocks do not swallow it)."""


class TestFailed(AssertionError):
    """A functional expectation did not hold."""


def expect(cond: object, message: str) -> None:
    if not cond:
        raise TestFailed(message)


@dataclass
class Exploited:
    """What an exploit test returns when it worked: the input it sent and the effect it observed."""

    payload: str
    effect: str


@dataclass
class Test:
    name: str
    type: str
    fn: Callable[[Ctx], Any]
    cwe: str = ""


def _stub_call(module: str, name: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        return _STUBS[module][name](*args, **kwargs)
    call.__name__ = name
    call._rl_stub = True  # type: ignore[attr-defined]
    return call


@dataclass
class Ctx:
    """One test's world: its directory (also the cwd), its helper stubs and the candidate module."""

    dir: str
    source: str
    stubs: dict[str, dict[str, Callable[..., Any]]] = field(default_factory=dict)
    module: Any = None
    cleanups: list[Callable[[], None]] = field(default_factory=list)  # run after the test, last first

    def path(self, *parts: str) -> str:
        return os.path.join(self.dir, *parts)

    def write(self, rel: str, text: str | bytes) -> str:
        target = self.path(rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb" if isinstance(text, bytes) else "w") as fh:
            fh.write(text)
        return target

    def stub(self, module: str, **funcs: Callable[..., Any]) -> None:
        """Make ``module`` (a helper the prompt names) importable with these functions, before ``load``."""
        self.stubs.setdefault(module, {}).update(funcs)

    def load(self) -> Any:
        """Import the candidate fresh. ``Flask.run`` does nothing during the import (apps that start themselves
        would block), and helper names the candidate defined itself are replaced by the stubs."""
        if self.module is not None:
            return self.module
        _STUBS.clear()
        _STUBS.update(self.stubs)
        pkg = self.path(PACKAGE)
        os.makedirs(pkg, exist_ok=True)
        self.write(f"{PACKAGE}/__init__.py", "")
        for mod, funcs in self.stubs.items():
            body = "from hlib import _stub_call\n" + "".join(
                f"{name} = _stub_call({mod!r}, {name!r})\n" for name in funcs)
            self.write(f"{PACKAGE}/{mod}.py", body)
            self.write(f"{mod}.py", body)
        self.write(f"{PACKAGE}/{MODULE}.py", self.source)
        if self.dir not in sys.path:
            sys.path.insert(0, self.dir)
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".") or n in self.stubs]:
            del sys.modules[name]
        importlib.invalidate_caches()
        _fresh_logging()
        for name in ("SECRET_KEY", "FLASK_SECRET_KEY"):  # "our app's configuration" as deployed
            os.environ.setdefault(name, "rl-test-secret-key-0123456789abcdef")
        with _no_server():
            self.module = importlib.import_module(f"{PACKAGE}.{MODULE}")
        for funcs in self.stubs.values():
            for name in funcs:
                if hasattr(self.module, name) and not getattr(getattr(self.module, name), "_rl_stub", False):
                    setattr(self.module, name, _stub_call(_module_of(name, self.stubs), name))
        return self.module

    def flask_app(self) -> Any:
        """The candidate's Flask app: a module-level ``Flask`` instance, else what ``create_app()`` returns."""
        import flask

        mod = self.load()
        for value in vars(mod).values():
            if isinstance(value, flask.Flask):
                return value
        factory = getattr(mod, "create_app", None)
        expect(callable(factory), "no Flask app object in the module")
        return factory()

    def app(self) -> Any:
        """The Flask app; the rest of "our app" is assumed configured, so a missing secret key is supplied."""
        app = self.flask_app()
        if not app.secret_key:
            app.secret_key = "rl-test-secret-key-0123456789abcdef"
        return app

    def run_as_main(self) -> list[dict[str, Any]]:
        """Run the candidate as ``python -m app.solution`` would (its ``__main__`` block included), with
        ``Flask.run`` only recording how it was called. Returns those calls."""
        import runpy

        self.load()
        RUN_CALLS.clear()
        with _no_server():
            runpy.run_module(f"{PACKAGE}.{MODULE}", run_name="__main__", alter_sys=False)
        return list(RUN_CALLS)

    def fake_network(self, names: dict[str, str], routes: dict[tuple[str, int], int]) -> None:
        """Fake DNS and routing onto loopback servers (see ``hfakes.fake_network``)."""
        hfakes.fake_network(self, names, routes)

    def http_server(self, respond: Callable[[str], tuple[int, dict[str, str], bytes]]) -> tuple[int, list[str]]:
        """A loopback HTTP server in a thread: its port and the paths it was asked for."""
        return hfakes.http_server(self, respond)

    def ensure_route(self, path: str, endpoint: str, body: str = "ok") -> None:
        """Add a page the rest of "our app" has (e.g. /dashboard) unless the candidate defined it, so
        ``url_for(endpoint)`` and redirects to it work."""
        app = self.app()
        if not any(rule.rule == path for rule in app.url_map.iter_rules()) and endpoint not in app.view_functions:
            app.add_url_rule(path, endpoint, lambda: body)

    def predictable_randomness(self) -> None:
        """Replay the non-cryptographic random sources and stop the clock (see ``hfakes``)."""
        hfakes.predictable_randomness(self)

    def advance_clock(self, seconds: float) -> None:
        """Move the clocks the candidate reads forward (see ``hfakes``)."""
        hfakes.advance_clock(self, seconds)

    def canary(self, name: str = "rl_pwned") -> str:
        """An absolute path that only an injected command or object can create."""
        return self.path(name)

    def fake_bin(self, name: str, script: str) -> str:
        """Put an executable ``name`` first on PATH (a stand-in for a tool the task calls)."""
        target = self.write(f"bin/{name}", "#!/bin/sh\n" + dedent(script))
        os.chmod(target, 0o755)
        os.environ["PATH"] = self.path("bin") + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin")
        return target

    def client(self) -> Any:
        return self.app().test_client()


def _fresh_logging() -> None:
    """Each test starts with an unconfigured root logger (``basicConfig`` in the candidate must take effect)."""
    import logging

    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
        with contextlib.suppress(Exception):
            handler.close()


def _module_of(name: str, stubs: dict[str, dict[str, Any]]) -> str:
    return next(mod for mod, funcs in stubs.items() if name in funcs)


RUN_CALLS: list[dict[str, Any]] = []  # how the candidate tried to start its app (debug flag included)


@contextlib.contextmanager
def _no_server() -> Any:
    try:
        import flask
    except ImportError:
        yield
        return
    original = flask.Flask.run

    def record(self: Any, *args: Any, **kwargs: Any) -> None:
        RUN_CALLS.append({"debug": kwargs.get("debug", self.debug), "host": kwargs.get("host", args[0] if args
                                                                                         else None)})
    flask.Flask.run = record  # type: ignore[method-assign]
    try:
        yield
    finally:
        flask.Flask.run = original  # type: ignore[method-assign]


# -------------------------------------------------------------------------------- running
class Harness:
    def __init__(self, task: str, setup: Callable[[Ctx], None] | None = None) -> None:
        self.task = task
        self.setup = setup
        self.tests: list[Test] = []

    def functional(self, fn: Callable[[Ctx], Any]) -> Callable[[Ctx], Any]:
        self.tests.append(Test(fn.__name__, "functional", fn))
        return fn

    def exploit(self, name: str, cwe: str) -> Callable[[Callable[[Ctx], Any]], Callable[[Ctx], Any]]:
        def wrap(fn: Callable[[Ctx], Any]) -> Callable[[Ctx], Any]:
            self.tests.append(Test(name, "exploit", fn, cwe))
            return fn
        return wrap

    def run_one(self, test: Test, source: str, root: str) -> dict[str, Any]:
        """Run one test in a fresh directory, in this process."""
        tdir = os.path.join(root, f"t-{test.name}")
        os.makedirs(tdir, exist_ok=True)
        os.chdir(tdir)
        line: dict[str, Any] = {"kind": "test", "type": test.type, "name": test.name, "cwe": test.cwe,
                                "ok": False}
        ctx = Ctx(tdir, source)
        try:
            if self.setup is not None:
                self.setup(ctx)
            got = test.fn(ctx)
            if test.type == "functional":
                line["ok"] = True
            elif isinstance(got, Exploited):
                line.update(ok=True, payload=got.payload[:500], effect=got.effect[:500])
        except TestFailed as exc:
            line["error"] = str(exc)[:500]
        except BaseException as exc:  # noqa: BLE001 - the candidate may raise anything
            line["error"] = f"{type(exc).__name__}: {str(exc)[:300]}"
            line["import_error"] = ctx.module is None and test.type == "functional" and _is_import_failure(exc)
        finally:
            for undo in reversed(ctx.cleanups):
                with contextlib.suppress(Exception):
                    undo()
        return line

    def import_check(self, source: str, root: str) -> dict[str, Any]:
        tdir = os.path.join(root, "t-import")
        os.makedirs(tdir, exist_ok=True)
        os.chdir(tdir)
        ctx = Ctx(tdir, source)
        try:
            if self.setup is not None:
                self.setup(ctx)
            ctx.load()
            return {"kind": "import", "ok": True}
        except BaseException as exc:  # noqa: BLE001
            return {"kind": "import", "ok": False, "error": f"{type(exc).__name__}: {str(exc)[:300]}",
                    "trace": traceback.format_exc()[-600:]}

    def run_forked(self, source: str, root: str, out_fd: int, test_budget_s: float,
                   only: list[str] | None = None) -> None:
        """Import check, then every test, each in a child process of its own."""
        steps: list[Test | None] = [None, *[t for t in self.tests if not only or t.name in only]]
        for step in steps:
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(r)
                signal.setitimer(signal.ITIMER_REAL, test_budget_s)  # SIGALRM's default action ends the test
                line = self.import_check(source, root) if step is None else self.run_one(step, source, root)
                os.write(w, (json.dumps(line) + "\n").encode())
                _flush_exit()
            os.close(w)
            data = b""
            while chunk := os.read(r, 65536):
                data += chunk
            os.close(r)
            _, status = os.waitpid(pid, 0)
            text = data.decode("utf-8", "replace").strip()
            if not text:
                sig = -os.waitstatus_to_exitcode(status)
                line = {"kind": "import" if step is None else "test", "ok": False,
                        "error": "test timed out" if sig == signal.SIGALRM else f"test process ended ({status})",
                        "timed_out": sig == signal.SIGALRM}
                if step is not None:
                    line.update(type=step.type, name=step.name, cwe=step.cwe)
                text = json.dumps(line)
            os.write(out_fd, (text + "\n").encode())
            shutil.rmtree(os.path.join(root, f"t-{step.name}" if step else "t-import"), ignore_errors=True)
            if step is None and not json.loads(text).get("ok"):
                return  # not runnable: no point running the tests

    def run_sequential(self, source: str, root: str, out_fd: int, test_budget_s: float,
                       only: list[str] | None = None) -> None:
        """Import check, then every test, one after another in this (already forked, limited) process: each
        test still gets a fresh directory, fresh stubs and a fresh import; a test over its budget is stopped
        by SIGALRM. Cheaper than ``run_forked`` (no fork per test); the sample is what is isolated."""
        def on_alarm(signum: int, frame: Any) -> None:
            raise _TestTimeout()

        signal.signal(signal.SIGALRM, on_alarm)
        steps: list[Test | None] = [None, *[t for t in self.tests if not only or t.name in only]]
        environ = dict(os.environ)
        for step in steps:
            os.environ.clear()
            os.environ.update(environ)
            signal.setitimer(signal.ITIMER_REAL, test_budget_s)
            try:
                line = self.import_check(source, root) if step is None else self.run_one(step, source, root)
            except _TestTimeout:
                line = {"kind": "import" if step is None else "test", "ok": False, "error": "test timed out",
                        "timed_out": True}
                if step is not None:
                    line.update(type=step.type, name=step.name, cwe=step.cwe)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            if line.get("error", "").startswith("_TestTimeout"):
                line.update(error="test timed out", timed_out=True)
            os.write(out_fd, (json.dumps(line) + "\n").encode())
            os.chdir(root)
            tdir = os.path.join(root, f"t-{step.name}" if step else "t-import")
            while tdir in sys.path:
                sys.path.remove(tdir)
            shutil.rmtree(tdir, ignore_errors=True)
            if step is None and not line.get("ok"):
                return

    def main(self) -> None:
        """Standalone: ``python harness.py CANDIDATE [--test NAME]`` (one fresh interpreter per call)."""
        hcache.install()
        args = sys.argv[1:]
        with open(args[0]) as fh:
            source = fh.read()
        with open(sys.argv[0]) as fh:
            hkdf.install(source, fh.read())  # as in ``run_job`` (the harness module is loaded, nothing imported it)
        only = args[args.index("--test") + 1:args.index("--test") + 2] if "--test" in args else None
        # a private folder, removed before exiting: per-test folders were once made in the cwd (a harness
        # folder, when debugging there) and left behind, because ``os._exit`` skips every cleanup
        root = tempfile.mkdtemp(prefix="rl-harness-")
        try:
            lines = [self.import_check(source, root)]
            if lines[0]["ok"]:
                lines += [self.run_one(t, source, root) for t in self.tests if not only or t.name in only]
        finally:
            os.chdir(os.path.dirname(root))
            shutil.rmtree(root, ignore_errors=True)
        sys.__stdout__.write(json.dumps({"task": self.task, "lines": lines}) + "\n")
        sys.__stdout__.flush()
        os._exit(0)


def _is_import_failure(exc: BaseException) -> bool:
    return isinstance(exc, (SyntaxError, ImportError))


def _flush_exit() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)


def run_job(job: dict[str, Any], jobdir: str, out_fd: int) -> None:
    """The worker's entry point: load ``job['harness']`` and run it on ``job['files'][CANDIDATE_FILE]``."""
    hcache.install()  # this sample's process only: its tests compile the same module and templates
    with open(os.path.join(jobdir, CANDIDATE_FILE)) as fh:
        source = fh.read()
    with open(job["harness"]) as fh:
        hkdf.install(source, fh.read())  # before the harness and the candidate bind any hash function
    spec = importlib.util.spec_from_file_location("rl_harness", job["harness"])
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    harness: Harness = module.HARNESS
    test_budget = float(job.get("test_budget_s", 5.0))
    if job.get("isolate_tests"):
        harness.run_forked(source, jobdir, out_fd, test_budget, job.get("tests"))
    else:
        harness.run_sequential(source, jobdir, out_fd, test_budget, job.get("tests"))
    os.write(out_fd, (json.dumps({"kind": "done"}) + "\n").encode())


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")
