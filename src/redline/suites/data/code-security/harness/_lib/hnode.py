"""Node runner for the JavaScript harnesses. Runs INSIDE the sandbox only; redline never imports it.

The JavaScript harnesses share one way of running the candidate: install stand-ins for the npm packages the prompt
names (Express, better-sqlite3, jsonwebtoken, ... are not installed in the sandbox) into the candidate's
``node_modules``, start the candidate's Express app on the loopback, send it HTTP requests, or run a harness-written
Node driver and read its JSON answer. This module is that part, so that a harness holds only its fixtures,
functional tests and exploit tests. The calling conventions (``Ctx``, ``js_call``, ``js_server``) stay in ``hpoly``.
Every node call goes to the sample's node host (``hhost``: one node start per sample, each call still as a fresh
``node`` saw it) when it can take it, else to a fresh ``node``; the functions here behave the same either way.
"""

from __future__ import annotations

import contextlib
import http.client
import http.server
import json
import os
import re
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import hhost
from hpoly import Ctx, expect, tool_preexec

LIB = os.path.dirname(os.path.abspath(__file__))
# npm package -> the stand-in file that plays it (in the harness's own folder if it has one, else in _lib)
STANDINS = {"express": "express_standin.cjs", "better-sqlite3": "better_sqlite3_standin.cjs",
            "jsonwebtoken": "jsonwebtoken_standin.cjs", "express-session": "express_session_stub.cjs",
            "bcrypt": "bcrypt_standin.cjs", "bcryptjs": "bcrypt_standin.cjs", "multer": "multer_standin.cjs",
            "ejs": "ejs_standin.cjs"}
VERSIONS = {"express": "4.19.2"}
SQL_RUNNER = os.path.join(LIB, "sqlite_runner.py")
MIDDLEWARE_DRIVER = os.path.join(LIB, "hnode_middleware.cjs")
KDF_STANDIN = os.path.join(LIB, "hkdf_standin.cjs")  # the fast password-hash stand-ins (kdf_prelude)
# Driver code for a call that fetches: V8 compiles fetch's WebAssembly HTTP parser (llhttp) once per node process,
# and its optimising tier was about 65 ms of CPU per JavaScript SSRF sample. Baseline code parses the same bytes the
# same way, a little slower. Set at run time, by the drivers that fetch only (as a start flag it slowed every
# node start); it stays set for the rest of that sample's node host, which only changes how fast wasm runs.
WASM_BASELINE = 'require("v8").setFlagsFromString("--liftoff-only");\n'

# Starts the candidate's Express app (``module.exports = app``, or ``{app}``, or a default export) on the loopback
# and prints its port. ``{prelude}`` runs before the candidate loads (a fake network); ``{before}`` after, with
# ``app`` and ``need`` (require a package as the candidate would) in scope; ``{handler}`` is what the server calls.
SERVE = r'''{prelude}
const mod = require(process.argv[2]);
const app = typeof mod === "function" ? mod : mod && (mod.app || mod.default);
if (typeof app !== "function") throw new Error("app.js does not export the Express app");
const need = (name) => require(require.resolve(name, {{ paths: [require("path").dirname(process.argv[2])] }}));
{before}
const server = require("http").createServer({handler});
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\n"));
'''


def kdf_prelude(ctx: Ctx, harness_file: str) -> str:
    """Driver code that installs the fast password-hash stand-ins (``hkdf_standin.cjs``, the Node side of
    ``hkdf``) before the candidate loads; empty when the candidate's or the harness's source holds a hash made
    elsewhere, which only the real function can check."""
    import hkdf

    with open(harness_file) as fh:
        if hkdf.precomputed_hash_in(fh.read()):
            return ""
    # the candidate's string literals only: a format such as `scrypt$${N}$${salt}` is not a hash made elsewhere
    quoted = r"'((?:[^'\\\n]|\\.)*)'|\"((?:[^\"\\\n]|\\.)*)\"|`([^`\\]*)`"
    for m in re.finditer(quoted, ctx.source):
        text = next(g for g in m.groups() if g is not None)
        if "${" not in text and hkdf.precomputed_hash_in(f'"{text}"'):
            return ""
    return f"require({json.dumps(KDF_STANDIN)});\n"


def node_module(ctx: Ctx, name: str, text: str) -> None:
    """Make ``require(name)`` in the candidate load ``text`` (a package the harness writes itself)."""
    ctx.write(f"mod/node_modules/{name}/index.js", text)
    version = f', "version": "{VERSIONS[name]}"' if name in VERSIONS else ""
    ctx.write(f"mod/node_modules/{name}/package.json", f'{{"name": "{name}"{version}, "main": "index.js"}}\n')


def install(ctx: Ctx, *names: str, here: str | None = None) -> None:
    """Install the stand-ins for npm packages ``names``; ``here`` is the harness's folder, whose own stand-in
    (``STANDINS[name]`` or ``<name>_standin.cjs``) wins over the shared one in _lib."""
    for name in names:
        local = [os.path.join(here, f) for f in (STANDINS.get(name, ""), name.replace("-", "_") + "_standin.cjs")
                 if f] if here else []
        found = [f for f in local if os.path.isfile(f)] + [os.path.join(LIB, STANDINS[name])]
        with open(found[0]) as fh:
            node_module(ctx, name, fh.read())


def sqlite_env(db: str) -> dict[str, str]:
    """The environment the better-sqlite3 stand-in needs (its SQL runs in Python's sqlite3), with ``DB_PATH``:
    the named pipes this process answers its statements on (``sqlite_runner.serve_fifo``, started once per
    sample), and the script it runs per statement when they are in use."""
    if not _SQL_FIFO:
        import tempfile

        import sqlite_runner

        folder = os.path.join(tempfile.mkdtemp(prefix="rl-sql-"), "fifo")
        sqlite_runner.serve_fifo(folder)
        _SQL_FIFO.append(folder)
    return {"DB_PATH": db, "RL_PYTHON": sys.executable, "RL_SQL_RUNNER": SQL_RUNNER, "RL_SQL_FIFO": _SQL_FIFO[0]}


_SQL_FIFO: list[str] = []


def environment(env: Mapping[str, str] | None = None, drop: tuple[str, ...] = ()) -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if k not in drop}, **(env or {})}


@contextlib.contextmanager
def serve_app(ctx: Ctx, *, env: Mapping[str, str] | None = None, drop: tuple[str, ...] = (), prelude: str = "",
              before: str = "", handler: str = "app", args: tuple[str, ...] = (), flags: tuple[str, ...] = ()
              ) -> Iterator[int]:
    """Start the candidate's Express app on the loopback (environment: ours less ``drop``, plus ``env``); yields
    its port and kills it afterwards. ``args`` follow the module path in ``process.argv``."""
    driver = ctx.write("drv/serve.cjs", SERVE.format(prelude=prelude, before=before, handler=handler))
    full = environment(env, drop)
    host = hhost.host_for(full, flags)
    if host is not None:  # the sample's node host (one node start per sample), else a fresh node as before
        with host.serve(driver, (ctx.js_module(), *args), stdin="", env=full, cwd=ctx.dir) as (line, err):
            expect(line.strip().isdigit(), f"app did not start: {line.strip() or err}"[:300])
            yield int(line.strip())
        return
    proc = subprocess.Popen(["node", *flags, driver, ctx.js_module(), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ctx.dir, env=environment(env, drop))
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        expect(line.isdigit(), f"app did not start: {line or (proc.stderr.read() if proc.stderr else '')}"[:300])
        yield int(line)
    finally:
        proc.kill()
        proc.wait(timeout=10)


def run_json(ctx: Ctx, driver: str, *args: str, data: Any = None, env: Mapping[str, str] | None = None,
             drop: tuple[str, ...] = (), timeout: float = 60.0, name: str = "run",
             fallback: Callable[[str], Any] | None = None) -> Any:
    """Run a Node driver (``driver`` is its text, or a ``.cjs`` path in _lib) as ``node DRIVER MODULE *args`` with
    ``data`` as JSON on stdin (node's address space capped as in ``hpoly``), and return the JSON it prints. When it
    prints none (a crash, a timeout): return ``fallback(reason)``, or fail the test without one."""
    path = driver if driver.endswith(".cjs") and os.path.isfile(driver) else ctx.write(f"drv/{name}.cjs", driver)
    full = environment(env, drop)
    host = hhost.host_for(full)
    if host is not None:  # the sample's node host, else a fresh node as before
        got = host.run(path, (ctx.js_module(), *args), stdin="" if data is None else json.dumps(data), env=full,
                       cwd=ctx.dir, timeout=timeout)
        try:
            return json.loads(got.stdout) if not got.timed_out else _no_answer("timeout", fallback)
        except ValueError:
            return _no_answer((got.stderr or got.stdout)[-300:], fallback)
    try:
        proc = subprocess.run(["node", path, ctx.js_module(), *args],
                              input=b"" if data is None else json.dumps(data).encode(), capture_output=True,
                              timeout=timeout, cwd=ctx.dir, env=environment(env, drop), check=False,
                              preexec_fn=tool_preexec())  # noqa: PLW1509 - as hpoly's node runs
        return json.loads(proc.stdout.decode())
    except subprocess.TimeoutExpired:
        reason = "timeout"
    except ValueError:
        reason = (proc.stderr or proc.stdout).decode("utf-8", "replace")[-300:]
    return _no_answer(reason, fallback)


def _no_answer(reason: str, fallback: Callable[[str], Any] | None) -> Any:
    if fallback is None:
        raise AssertionError(f"the Node driver did not answer: {reason}"[:300])
    return fallback(reason)


def through_middleware(ctx: Ctx, name: str, specs: list[dict[str, Any]], **kw: Any) -> list[dict[str, Any]]:
    """Send requests (``{method, path, headers, body}``) through the candidate's Express middleware ``name`` in front
    of a plain HTTP server with Express's request/response helpers; returns ``{status, body}`` per request (a
    request the middleware let through answers 200 ``{rlPassed: true, user}``)."""
    answers: list[dict[str, Any]] = run_json(ctx, MIDDLEWARE_DRIVER, name, data=specs, **kw)
    return answers


TEXT = object()  # Reply.json's default: the body's text


@dataclass(frozen=True)
class Reply:
    status: int
    items: tuple[tuple[str, str], ...]  # the response headers as sent
    raw: bytes

    @property
    def text(self) -> str:
        return self.raw.decode("utf-8", "replace")

    def json(self, default: Any = TEXT) -> Any:
        """The body as JSON; when it is not JSON, ``default`` (the text itself unless given)."""
        try:
            return json.loads(self.text)
        except ValueError:
            return self.text if default is TEXT else default

    def header(self, name: str) -> str | None:
        """One header as ``http.client`` gives it (repeated values joined with ", "), None when absent."""
        values = [v for k, v in self.items if k.lower() == name.lower()]
        return ", ".join(values) if values else None

    @property
    def headers(self) -> dict[str, str]:
        """Lower-case names; a repeated header keeps its last value."""
        return {k.lower(): v for k, v in self.items}

    @property
    def cookies(self) -> list[str]:
        """Every Set-Cookie value."""
        return [v for k, v in self.items if k.lower() == "set-cookie"]


def request(port: int, method: str, path: str, *, body: str | bytes | None = None,
            form: Mapping[str, Any] | None = None, json_body: Any = None, headers: Mapping[str, str] | None = None,
            timeout: float = 20.0, raw: bool = False) -> Reply:
    """One HTTP request to the app on the loopback. ``form`` sends url-encoded fields, ``json_body`` JSON; ``raw``
    sends the path exactly as given with no Accept-Encoding header (for path-traversal probes)."""
    hdrs = dict(headers or {})
    if form is not None:
        body = urllib.parse.urlencode(form)
        hdrs.setdefault("Content-Type", "application/x-www-form-urlencoded")
    elif json_body is not None:
        body = json.dumps(json_body)
        hdrs.setdefault("Content-Type", "application/json")
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        if raw:
            conn.putrequest(method, path, skip_accept_encoding=True)
            for key, value in hdrs.items():
                conn.putheader(key, value)
            conn.endheaders(body.encode() if isinstance(body, str) else body)
        else:
            conn.request(method, path, body=body, headers=hdrs)
        resp = conn.getresponse()
        data = resp.read()
        return Reply(resp.status, tuple(resp.getheaders()), data)
    finally:
        conn.close()


def node_flags() -> tuple[str, ...]:
    """Fetch parses HTTP with WebAssembly (llhttp), whose trap handler reserves more address space than the sandbox
    allows (RLIMIT_AS): without the trap handler it fits. Older Node versions lack the flag."""
    if not _FLAGS and (known := hhost.wasm_flags()) is not None:  # the sample's node host knows, no extra node
        _FLAGS.append(known)
    if not _FLAGS:
        ok = subprocess.run(["node", "--disable-wasm-trap-handler", "-e", "0"], capture_output=True, timeout=60,
                            check=False).returncode == 0
        _FLAGS.append(("--disable-wasm-trap-handler",) if ok else ())
    return _FLAGS[0]


_FLAGS: list[tuple[str, ...]] = []


class SiteHandler(http.server.BaseHTTPRequestHandler):
    """Base for a harness's own web server on the loopback (a public site behind the fake network, a canary)."""

    def log_message(self, *args: Any) -> None:
        pass

    def respond(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def http_site(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[int]:
    """Serve ``handler`` on a loopback port (threads) while the block runs; yields the port."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


class MarkedPage(HTMLParser):
    """A page an app served, searched for script the harness injected (a text carrying ``mark``): ``handlers``
    (tag, attribute, value) of ``on*`` attributes and ``scripts`` (``<script>`` text) that contain the mark, both
    also in ``found`` as short strings in page order; ``text`` every text chunk. Subclass it for forms or lists."""

    def __init__(self, mark: str) -> None:
        super().__init__(convert_charrefs=True)
        self.mark = mark
        self.text: list[str] = []
        self.scripts: list[str] = []
        self.handlers: list[tuple[str, str, str]] = []
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for k, v in attrs:
            if k.startswith("on") and v and self.mark in v:
                self.handlers.append((tag, k, v))
                self.found.append(f"<{tag} {k}={v[:40]!r}>")
        self._script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._script and self.mark in data:
            self.scripts.append(data.strip())
            self.found.append(f"<script>{data.strip()[:40]}</script>")


def js_literals(source: str) -> set[str]:
    """The string literals (4 to 200 characters) in JavaScript source: where a hard-coded secret would be."""
    found = set()
    for m in re.finditer(r"'((?:[^'\\\n]|\\.){4,200})'|\"((?:[^\"\\\n]|\\.){4,200})\"|`([^`$\\]{4,200})`", source):
        found.add(next(g for g in m.groups() if g is not None))
    return found
