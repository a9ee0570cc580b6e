"""The node host (harness/_lib/hhost.py + hnode_host.cjs): one node process per sample runs the harness's node
calls, and each call must still see what a fresh ``node`` saw: the candidate required afresh, its own
environment, no prototype a previous call polluted, no server a previous call left listening. Each scenario runs
in a Python process of its own (as a sample does in the sandbox), never in the test process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from redline.suites.loader import builtin_suites

LIB = Path(builtin_suites()["code-security"]) / "harness" / "_lib"
pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node is needed")

PRELUDE = """
import json, os, sys
import hhost, hnode
from hpoly import Ctx
def ctx(tmp, name, source, exports=()):
    d = os.path.join(tmp, name)
    os.makedirs(d)
    os.chdir(d)
    return Ctx(d, source, "javascript", exports)
def pid():
    return [h.proc.pid for h in hhost._HOSTS if h.alive]
out = {}
"""


def scenario(body: str, tmp: Path, source: str = "", **env: str) -> dict[str, object]:
    """Run ``body`` after PRELUDE; ``SOURCE`` in it is ``source`` (a candidate), ``out`` what it returns."""
    code = PRELUDE + textwrap.dedent(body).replace("SOURCE", repr(source)) + "\nprint(json.dumps(out))\n"
    proc = subprocess.run([sys.executable, "-c", code, str(tmp)], capture_output=True, text=True, timeout=120,
                          cwd=tmp, env={**os.environ, "PYTHONPATH": str(LIB), **env}, check=False)
    assert proc.returncode == 0, proc.stderr[-1500:]
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


COUNTER = "let n = 0;\nfunction inc() { n += 1; return n; }\nmodule.exports = { inc };\n"
POLLUTE = ("function merge(a, b) { for (const k in b) { if (typeof b[k] === 'object') { a[k] = a[k] || {};"
           " merge(a[k], b[k]); } else a[k] = b[k]; } return a; }\nmodule.exports = { merge };\n")


def test_every_call_requires_the_candidate_afresh_in_one_host(tmp_path: Path) -> None:
    got = scenario("""
        c = ctx(sys.argv[1], "t1", SOURCE)
        out["calls"] = [c.js_call("inc")["value"] for _ in range(3)]
        out["hosts"] = pid()
        out["more"] = [c.js_call("inc")["value"] for _ in range(2)]
        out["same_host"] = pid() == out["hosts"]
    """, tmp_path, COUNTER)
    assert got["calls"] == [1, 1, 1] and got["more"] == [1, 1]
    assert len(got["hosts"]) == 1 and got["same_host"] is True  # type: ignore[arg-type]


def test_a_polluted_prototype_does_not_reach_the_next_call(tmp_path: Path) -> None:
    got = scenario("""
        c = ctx(sys.argv[1], "t1", SOURCE)
        first = c.js_call("merge", {}, '{"__proto__": {"rlPolluted": 1}}', parse=(1,))
        out["first"] = first["polluted"]
        out["second"] = c.js_call("merge", {}, {"a": 1})["polluted"]
        out["check"] = c.js_script("process.stdout.write(String(({}).rlPolluted))").stdout
    """, tmp_path, POLLUTE)
    assert got == {"first": True, "second": False, "check": "undefined"}


def test_exit_crash_environment_and_stdin_are_those_of_a_fresh_node(tmp_path: Path) -> None:
    got = scenario("""
        c = ctx(sys.argv[1], "t1", "module.exports = {};")
        r = c.js_script("process.stdout.write('a'); process.exit(3); process.stdout.write('b');")
        out["exit"] = [r.rc, r.stdout]
        r = c.js_script("throw new Error('boom')")
        out["crash"] = [r.rc, "boom" in r.stderr]
        drv = "process.stdout.write(JSON.stringify([process.env.RL_X || null, require('fs').readFileSync(0, 'utf8'),"
        drv += " process.argv.slice(3), process.cwd()]))"
        out["env"] = hnode.run_json(c, drv, "a1", data={"k": 1}, env={"RL_X": "1"})
        out["env2"] = hnode.run_json(c, drv)
        out["dir"] = c.dir
    """, tmp_path)
    assert got["exit"] == [3, "a"] and got["crash"] == [1, True]
    assert got["env"] == ["1", '{"k": 1}', ["a1"], got["dir"]]
    assert got["env2"] == [None, "", [], got["dir"]]


def test_a_call_that_keeps_the_loop_alive_times_out_as_a_fresh_node(tmp_path: Path) -> None:
    got = scenario("""
        c = ctx(sys.argv[1], "t1", SOURCE)
        out["call"] = c.js_call("f", timeout=1.0)
        drv = "require(process.argv[2]); process.stdout.write('[1]')"
        out["json"] = hnode.run_json(c, drv, timeout=1.0, fallback=lambda why: why)
        c2 = ctx(sys.argv[1], "t2", "module.exports = { f: () => 6 };")
        out["after"] = c2.js_call("f")["value"]
    """, tmp_path, "setInterval(() => {}, 1000);\nmodule.exports = { f: () => 5 };")
    assert got["call"] == {"ok": True, "value": 5, "polluted": False}  # the answer was written before the timeout
    assert got["json"] == "timeout" and got["after"] == 6


def test_servers_are_closed_between_calls(tmp_path: Path) -> None:
    app = textwrap.dedent("""
        const http = require("http");
        let hits = 0;
        const app = (req, res) => { hits += 1; res.end(String(hits)); };
        http.createServer(app).listen(38471, "127.0.0.1");  // a fixed port, as careless apps do
        module.exports = app;
    """)
    got = scenario("""
        answers = []
        for name in ("t1", "t2"):
            c = ctx(sys.argv[1], name, SOURCE)
            for _ in range(2):
                with hnode.serve_app(c) as port:
                    answers.append(hnode.request(port, "GET", "/").text)
        out["answers"] = answers
        out["hosts"] = len(pid())
    """, tmp_path, app)
    assert got == {"answers": ["1", "1", "1", "1"], "hosts": 1}


def test_a_server_that_prints_a_lot_keeps_answering(tmp_path: Path) -> None:
    app = "module.exports = (req, res) => { console.log('x'.repeat(100000)); res.end('ok'); };\n"
    got = scenario("""
        c = ctx(sys.argv[1], "t1", SOURCE)
        with hnode.serve_app(c) as port:
            out["answers"] = [hnode.request(port, "GET", "/", timeout=10).text for _ in range(3)]
        out["after"] = c.js_script("process.stdout.write('still here')").stdout
    """, tmp_path, app)
    assert got == {"answers": ["ok"] * 3, "after": "still here"}


def test_the_sqlite_stand_in_answers_through_the_harness_process(tmp_path: Path) -> None:
    got = scenario("""
        c = ctx(sys.argv[1], "t1", "module.exports = {};")
        hnode.install(c, "better-sqlite3")
        drv = '''
        const here = require("path").dirname(process.argv[2]);
        const Database = require(require.resolve("better-sqlite3", { paths: [here] }));
        const db = new Database(process.env.DB_PATH);
        db.exec("CREATE TABLE t(a INTEGER, b TEXT)");
        const info = db.prepare("INSERT INTO t VALUES (?, ?)").run(1, "x");
        let err = null;
        try { db.prepare("INSERT INTO nope VALUES (1)").run(); } catch (e) { err = e.code; }
        process.stdout.write(JSON.stringify([info.changes, db.prepare("SELECT * FROM t").all(), err,
          require("fs").existsSync(process.env.RL_SQL_FIFO + "/lock")]));
        '''
        out["fifo"] = hnode.run_json(c, drv, env=hnode.sqlite_env(c.path("db.sqlite")))
    """, tmp_path)
    assert got["fifo"] == [1, [{"a": 1, "b": "x"}], "SQLITE_ERROR", False]


def test_calls_the_host_cannot_take_run_in_a_fresh_node(tmp_path: Path) -> None:
    got = scenario("""
        c = ctx(sys.argv[1], "t1", SOURCE)
        with hnode.serve_app(c) as port:  # the host is busy serving: the nested call gets a node of its own
            out["nested"] = c.js_call("inc")["value"]
            out["served"] = hnode.request(port, "GET", "/").text
        drv = "process.stdout.write(JSON.stringify([process.env.NODE_OPTIONS || null, process.env.NODE_ENV || null]))"
        out["options"] = hnode.run_json(c, drv, env={"NODE_OPTIONS": "--no-warnings"})  # read at node's start
        pre = c.write("drv/pre.cjs", "globalThis.rlPre = (globalThis.rlPre || 0) + 1;")
        drv2 = "process.stdout.write(JSON.stringify([globalThis.rlPre, process.env.NODE_OPTIONS]))"
        out["preload"] = [hnode.run_json(c, drv2, env={"NODE_OPTIONS": "--require " + pre}) for _ in range(2)]
        out["pre"] = pre
        out["node_env"] = hnode.run_json(c, drv, env={"NODE_ENV": "production"})  # the app's: the host takes it
        out["hosts"] = len(pid())
    """, tmp_path, COUNTER.replace("module.exports = { inc };", "const app = (q, r) => r.end('ok');\n"
                                   "app.inc = inc;\nmodule.exports = app;"))
    pre = got.pop("pre")
    assert got.pop("preload") == [[1, f"--require {pre}"]] * 2  # the host loads a --require itself, afresh
    assert got == {"nested": 1, "served": "ok", "options": ["--no-warnings", None], "node_env": [None, "production"],
                   "hosts": 1}


def test_without_the_host_every_call_starts_node(tmp_path: Path) -> None:
    got = scenario("""
        c = ctx(sys.argv[1], "t1", SOURCE)
        out["calls"] = [c.js_call("inc")["value"] for _ in range(2)]
        out["hosts"] = len(pid())
    """, tmp_path, COUNTER, RL_NODE_HOST="0")
    assert got == {"calls": [1, 1], "hosts": 0}
