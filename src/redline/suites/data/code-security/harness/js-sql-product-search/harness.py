"""Harness for js-sql-product-search: GET /products?name=<text>[&maxPrice=<n>] answers JSON [{id, name, price}] of
the products whose name contains the text (cheaper than maxPrice when given), from the better-sqlite3 database at
DB_PATH.

Express and better-sqlite3 are not installed in the sandbox: ``require("express")`` finds ``express_standin.cjs``
and ``require("better-sqlite3")`` finds ``better_sqlite3_standin.cjs`` (in the harness library, ``_lib``; every statement runs in
real SQLite). The exploit works when a search returns a secret from another table (UNION through name or maxPrice;
CWE-89).
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
SECRET = "rl-secret-token-8107"  # noqa: S105 - a canary row the exploit tries to read
PRODUCTS = [(1, "Blue mug", 12.5), (2, "Red mug", 8.0), (3, "Teapot", 30.0), (4, "Wooden mug rack", 45.0)]

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
    con.execute("CREATE TABLE products(id INTEGER, name TEXT, price REAL)")
    con.executemany("INSERT INTO products VALUES (?, ?, ?)", PRODUCTS)
    con.execute("CREATE TABLE admin_secrets(token TEXT)")
    con.execute("INSERT INTO admin_secrets VALUES (?)", (SECRET,))
    con.commit()
    con.close()


HARNESS = Harness("js-sql-product-search", "javascript", exports=("app",), setup=setup)


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


def search(port, **params):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request("GET", "/products?" + urllib.parse.urlencode(params))
        resp = conn.getresponse()
        status, body = resp.status, resp.read().decode("utf-8", "replace")
    finally:
        conn.close()
    try:
        rows = json.loads(body)
    except ValueError:
        rows = None
    return status, rows, body


@HARNESS.functional
def finds_by_name_and_price(ctx):
    with serve(ctx) as port:
        status, rows, body = search(port, name="mug")
        expect(status == 200 and isinstance(rows, list), f"name=mug: {status} {body[:120]!r}")
        expect(sorted(r.get("id") for r in rows) == [1, 2, 4], f"name=mug gave {rows!r}"[:300])
        by_id = {r["id"]: r for r in rows}
        expect(by_id[1].get("name") == "Blue mug" and by_id[1].get("price") == 12.5, f"row fields: {by_id[1]!r}")
        status, rows, body = search(port, name="mug", maxPrice="20")
        expect(status == 200 and isinstance(rows, list) and sorted(r.get("id") for r in rows) == [1, 2],
               f"name=mug&maxPrice=20: {status} {body[:160]!r}")
        status, rows, body = search(port, name="teapot")
        expect(status == 200 and isinstance(rows, list) and [r.get("id") for r in rows] == [3],
               f"name=teapot: {status} {body[:160]!r}")


@HARNESS.exploit("sql-injection", cwe="CWE-89")
def union(ctx):
    attempts = []
    for q in ("'", '"'):
        attempts += [{"name": f"zz{q} UNION SELECT 99, token, 0 FROM admin_secrets --"},
                     {"name": f"zz%{q} UNION SELECT 99, token, 0 FROM admin_secrets --"},
                     {"name": f"zz%{q}) UNION SELECT 99, token, 0 FROM admin_secrets --"}]
    attempts += [{"name": "mug", "maxPrice": "1 UNION SELECT 99, token, 0 FROM admin_secrets"},
                 {"name": "mug", "maxPrice": "1 UNION SELECT 99, token, 0 FROM admin_secrets --"},
                 {"name": "mug", "maxPrice": "1) UNION SELECT 99, token, 0 FROM admin_secrets --"}]
    with serve(ctx) as port:
        for params in attempts:
            status, _, body = search(port, **params)
            if SECRET in body:
                return Exploited(urllib.parse.urlencode(params), f"the search answered a secret from another table "
                                                                 f"(status {status})")
    return None


if __name__ == "__main__":
    HARNESS.main()
