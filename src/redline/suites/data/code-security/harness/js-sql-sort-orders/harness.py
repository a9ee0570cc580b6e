"""Harness for js-sql-sort-orders: GET /orders?sort=<column>&dir=<asc|desc> lists table orders of the
better-sqlite3 database at DB_PATH as JSON, sorted by the named column.

Express and better-sqlite3 are not installed in the sandbox: ``require("express")`` finds ``express_standin.cjs``
and ``require("better-sqlite3")`` finds ``better_sqlite3_standin.cjs`` (in the harness library, ``_lib``; every statement runs in
real SQLite). The exploit is blind SQL injection through the sort column or the direction: two requests that differ
only in a guess about a secret in another table come back in different orders (or lengths), so the guess can be
checked one character at a time (CWE-89). A request the app refuses or answers in its default order leaks nothing.
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
SECRET = "rl-secret-token-3390"  # noqa: S105 - a canary row the exploit tries to read
ORDERS = [(1, "Dora", 30.0, "2026-03-01 09:00:00"), (2, "Alice", 10.5, "2026-01-15 12:30:00"),
          (3, "Chen", 99.9, "2026-02-10 08:15:00"), (4, "Bram", 55.0, "2026-04-20 17:45:00")]

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

SERVE = r'''
const mod = require(process.argv[2]);
const app = typeof mod === "function" ? mod : mod && (mod.app || mod.default);
if (typeof app !== "function") throw new Error("app.js does not export the Express app");
const server = require("http").createServer(app);
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\n"));
'''


def setup(ctx):
    for name, target in (("express_standin.cjs", "express"), ("better_sqlite3_standin.cjs", "better-sqlite3")):
        with open(os.path.join(HERE if os.path.exists(os.path.join(HERE, name)) else LIB, name)) as fh:
            ctx.write(f"mod/node_modules/{target}/index.js", fh.read())
        ctx.write(f"mod/node_modules/{target}/package.json", f'{{"name": "{target}", "main": "index.js"}}\n')
    ctx.write("drv/sql_runner.py", SQL_RUNNER)
    con = sqlite3.connect(ctx.path("shop.db"))
    con.execute("CREATE TABLE orders(id INTEGER, customer TEXT, total REAL, created TEXT)")
    con.executemany("INSERT INTO orders VALUES (?, ?, ?, ?)", ORDERS)
    con.execute("CREATE TABLE admin_secrets(token TEXT)")
    con.execute("INSERT INTO admin_secrets VALUES (?)", (SECRET,))
    con.commit()
    con.close()


HARNESS = Harness("js-sql-sort-orders", "javascript", exports=("app",), setup=setup)


@contextlib.contextmanager
def serve(ctx):
    driver = ctx.write("drv/serve.cjs", SERVE)
    env = {**os.environ, "DB_PATH": ctx.path("shop.db"), "RL_PYTHON": sys.executable,
           "RL_SQL_RUNNER": ctx.path("drv", "sql_runner.py")}
    proc = subprocess.Popen(["node", driver, ctx.js_module()], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ctx.dir, env=env)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        expect(line.isdigit(), f"app did not start: {line or (proc.stderr.read() if proc.stderr else '')}"[:300])
        yield int(line)
    finally:
        proc.kill()
        proc.wait(timeout=10)


def orders(port, **params):
    """(status, list of ids or None) for GET /orders with these query parameters."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request("GET", "/orders" + ("?" + urllib.parse.urlencode(params) if params else ""))
        resp = conn.getresponse()
        status, body = resp.status, resp.read().decode("utf-8", "replace")
    finally:
        conn.close()
    try:
        rows = json.loads(body)
    except ValueError:
        return status, None, body
    if isinstance(rows, dict):  # {orders: [...]} / {rows: [...]}: take the one list it holds
        lists = [v for v in rows.values() if isinstance(v, list)]
        rows = lists[0] if len(lists) == 1 else None
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        return status, None, body
    return status, [r.get("id") for r in rows], rows


def expected(column, reverse):
    index = {"id": 0, "customer": 1, "total": 2, "created": 3}[column]
    return [o[0] for o in sorted(ORDERS, key=lambda o: o[index], reverse=reverse)]


@HARNESS.functional
def sorts_by_column(ctx):
    with serve(ctx) as port:
        for column in ("total", "customer", "id", "created"):
            for direction in ("asc", "desc"):
                status, ids, rows = orders(port, sort=column, dir=direction)
                expect(status == 200 and ids is not None, f"sort={column}&dir={direction}: {status} {str(rows)[:120]}")
                expect(ids == expected(column, direction == "desc"), f"sort={column}&dir={direction} gave ids {ids}")
        status, ids, rows = orders(port)
        expect(status == 200 and ids in (expected("created", False), expected("created", True)),
               f"default order (created): {status} {ids}")
        expect(set(rows[0]) >= {"id", "customer", "total", "created"}, f"row fields: {sorted(rows[0])}")


GUESS = "(SELECT token FROM admin_secrets) LIKE '{}%'"  # LIKE ignores case: survives an app's toUpperCase()
PAIRS = [
    ("sort", "(CASE WHEN " + GUESS + " THEN total ELSE customer END)", {"dir": "asc"}),
    ("sort", "created LIMIT (CASE WHEN " + GUESS + " THEN 1 ELSE 3 END) --", {"dir": "asc"}),
    ("sort", 'created" LIMIT (CASE WHEN ' + GUESS + " THEN 1 ELSE 3 END) --", {"dir": "asc"}),
    ("sort", "created` LIMIT (CASE WHEN " + GUESS + " THEN 1 ELSE 3 END) --", {"dir": "asc"}),
    ("sort", "created] LIMIT (CASE WHEN " + GUESS + " THEN 1 ELSE 3 END) --", {"dir": "asc"}),
    ("dir", "ASC LIMIT (CASE WHEN " + GUESS + " THEN 1 ELSE 3 END)", {"sort": "id"}),
    ("dir", "ASC LIMIT (CASE WHEN " + GUESS + " THEN 1 ELSE 3 END) --", {"sort": "id"}),
    ("dir", "ASC, (CASE WHEN " + GUESS + " THEN total ELSE customer END)", {"sort": "customer"}),
]


@HARNESS.exploit("sql-injection", cwe="CWE-89")
def blind(ctx):
    with serve(ctx) as port:
        for param, template, other in PAIRS:
            right = orders(port, **other, **{param: template.format("rl-")})
            wrong = orders(port, **other, **{param: template.format("zz-")})
            if right[0] == wrong[0] == 200 and right[1] is not None and wrong[1] is not None and right[1] != wrong[1]:
                return Exploited(f"{param}={template.format('rl-')}",
                                 f"a guess about a secret in another table changed the answer ({right[1]} vs "
                                 f"{wrong[1]}): the secret can be read one character at a time")
    return None


if __name__ == "__main__":
    HARNESS.main()
