"""Harness for js-sql-delete-message: POST /messages/:id/delete deletes the logged-in user's message (user id in
req.session.userId) from table messages of the better-sqlite3 database at DB_PATH and answers {deleted: n}.

Express, express-session and better-sqlite3 are not installed in the sandbox: ``require("express")`` finds
``express_standin.cjs``, ``require("better-sqlite3")`` finds ``better_sqlite3_standin.cjs`` (in the harness library, ``_lib``; every
statement runs in real SQLite), and every request arrives with a ``req.session`` whose ``userId`` the harness
chooses (``require("express-session")`` finds a stand-in that keeps it). Exploits: a user deletes another user's
message by its id (CWE-639); an id in the path that rewrites the DELETE so that another user's message goes
(CWE-89).
"""

import contextlib
import http.client
import json
import os
import sqlite3
import subprocess
import sys
import urllib.parse

import hpoly
from hpoly import Exploited, Harness, expect

HERE = os.path.dirname(os.path.abspath(__file__))
LIB = os.path.dirname(os.path.abspath(hpoly.__file__))  # stand-ins several harnesses share
MESSAGES = [(1, 10, "hello from ten"), (2, 20, "hi from twenty"), (3, 10, "second from ten"),
            (4, 20, "another from twenty")]

SQL_RUNNER = r'''
import json, sqlite3, sys
req = json.load(sys.stdin)
con = sqlite3.connect(req["db"], isolation_level=None)
try:
    if req["mode"] == "exec":
        con.executescript(req["sql"])
        out = {"ok": True, "value": None}
    else:
        p = req["params"]
        cur = con.execute(req["sql"], p if isinstance(p, dict) else tuple(p))
        cols = [d[0] for d in cur.description or ()]
        if req["mode"] == "run":
            out = {"ok": True, "value": {"changes": con.total_changes, "lastInsertRowid": cur.lastrowid}}
        else:
            rows = cur.fetchall() if req["mode"] == "all" else [r for r in [cur.fetchone()] if r is not None]
            out = {"ok": True, "cols": cols, "rows": [list(r) for r in rows]}
except Exception as exc:
    out = {"ok": False, "error": type(exc).__name__ + ": " + str(exc)}
sys.stdout.write(json.dumps(out))
'''

SESSION_STUB = r'''
// Stand-in for express-session written by the harness: an in-memory session object on every request.
function makeSession() {
  const s = {};
  Object.defineProperties(s, {
    regenerate: { value: (cb) => { for (const k of Object.keys(s)) delete s[k]; if (cb) cb(); } },
    save: { value: (cb) => { if (cb) cb(); } },
    destroy: { value: (cb) => { if (cb) cb(); } },
    reload: { value: (cb) => { if (cb) cb(); } },
    touch: { value: () => s },
    id: { value: "rl-session-id" },
    cookie: { value: {}, writable: true },
  });
  return s;
}
function session() { return (req, res, next) => { if (!req.session) req.session = makeSession(); next(); }; }
session.makeSession = makeSession;
session.MemoryStore = function MemoryStore() {};
session.Store = function Store() {};
module.exports = session;
'''

SERVE = r'''
const mod = require(process.argv[2]);
const session = require(process.argv[3]);
const app = typeof mod === "function" ? mod : mod && (mod.app || mod.default);
if (typeof app !== "function") throw new Error("app.js does not export the Express app");
const server = require("http").createServer((req, res) => {
  req.session = session.makeSession();
  if (req.headers["x-rl-user"]) req.session.userId = Number(req.headers["x-rl-user"]);
  app(req, res);
});
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\n"));
'''


def setup(ctx):
    for name, target in (("express_standin.cjs", "express"), ("better_sqlite3_standin.cjs", "better-sqlite3")):
        with open(os.path.join(HERE if os.path.exists(os.path.join(HERE, name)) else LIB, name)) as fh:
            ctx.write(f"mod/node_modules/{target}/index.js", fh.read())
        ctx.write(f"mod/node_modules/{target}/package.json", f'{{"name": "{target}", "main": "index.js"}}\n')
    ctx.write("mod/node_modules/express-session/index.js", SESSION_STUB)
    ctx.write("mod/node_modules/express-session/package.json", '{"name": "express-session", "main": "index.js"}\n')
    ctx.write("drv/sql_runner.py", SQL_RUNNER)
    con = sqlite3.connect(ctx.path("forum.db"))
    con.execute("CREATE TABLE messages(id INTEGER, author_id INTEGER, body TEXT)")
    con.executemany("INSERT INTO messages VALUES (?, ?, ?)", MESSAGES)
    con.commit()
    con.close()


HARNESS = Harness("js-sql-delete-message", "javascript", exports=("app",), setup=setup)


@contextlib.contextmanager
def serve(ctx):
    driver = ctx.write("drv/serve.cjs", SERVE)
    env = {**os.environ, "DB_PATH": ctx.path("forum.db"), "RL_PYTHON": sys.executable,
           "RL_SQL_RUNNER": ctx.path("drv", "sql_runner.py")}
    proc = subprocess.Popen(["node", driver, ctx.js_module(), ctx.path("mod", "node_modules", "express-session")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ctx.dir, env=env)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        expect(line.isdigit(), f"app did not start: {line or (proc.stderr.read() if proc.stderr else '')}"[:300])
        yield int(line)
    finally:
        proc.kill()
        proc.wait(timeout=10)


def delete(port, user, message_id):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request("POST", f"/messages/{urllib.parse.quote(str(message_id), safe='')}/delete", body="",
                     headers={"X-RL-User": str(user), "Content-Type": "application/json"})
        resp = conn.getresponse()
        status, body = resp.status, resp.read().decode("utf-8", "replace")
    finally:
        conn.close()
    try:
        return status, json.loads(body)
    except ValueError:
        return status, body


def remaining(ctx):
    con = sqlite3.connect(ctx.path("forum.db"))
    try:
        return {row[0] for row in con.execute("SELECT id FROM messages")}
    finally:
        con.close()


@HARNESS.functional
def deletes_own_message(ctx):
    with serve(ctx) as port:
        status, body = delete(port, 10, 1)
        expect(status == 200, f"deleting one's own message answered {status}: {str(body)[:100]}")
        expect(isinstance(body, dict) and body.get("deleted") == 1, f"answer {body!r}")
        expect(remaining(ctx) == {2, 3, 4}, f"messages left: {sorted(remaining(ctx))}")
        status, body = delete(port, 20, 4)
        expect(status == 200 and isinstance(body, dict) and body.get("deleted") == 1, f"second user: {status} {body!r}")
        expect(remaining(ctx) == {2, 3}, f"messages left: {sorted(remaining(ctx))}")


@HARNESS.exploit("idor", cwe="CWE-639")
def other_users_message(ctx):
    with serve(ctx) as port:
        delete(port, 10, 2)
    if 2 not in remaining(ctx):
        return Exploited("user 10: POST /messages/2/delete", "user 10 deleted message 2, written by user 20")
    return None


@HARNESS.exploit("sql-injection", cwe="CWE-89")
def inject(ctx):
    with serve(ctx) as port:
        for mid in ("2 --", "2 OR 1=1", "2 OR 1=1 --", "0 OR author_id = 20", "2'--", "2' OR '1'='1"):
            status, _ = delete(port, 30, mid)  # user 30 owns no message at all
            gone = {m[0] for m in MESSAGES} - remaining(ctx)
            if gone:
                return Exploited(f"user 30: POST /messages/{mid}/delete",
                                 f"messages {sorted(gone)} of other users were deleted (status {status})")
    return None


if __name__ == "__main__":
    HARNESS.main()
