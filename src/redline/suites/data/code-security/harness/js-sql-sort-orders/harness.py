"""Harness for js-sql-sort-orders: GET /orders?sort=<column>&dir=<asc|desc> lists table orders of the
better-sqlite3 database at DB_PATH as JSON, sorted by the named column.

Express and better-sqlite3 are not installed in the sandbox: ``require("express")`` finds ``express_standin.cjs``
and ``require("better-sqlite3")`` finds ``better_sqlite3_standin.cjs`` (in the harness library, ``_lib``; every statement runs in
real SQLite). The exploit is blind SQL injection through the sort column or the direction: two requests that differ
only in a guess about a secret in another table come back in different orders (or lengths), so the guess can be
checked one character at a time (CWE-89). A request the app refuses or answers in its default order leaks nothing.
"""

import sqlite3
import urllib.parse

import hnode
from hpoly import Exploited, Harness, expect

SECRET = "rl-secret-token-3390"  # noqa: S105 - a canary row the exploit tries to read
ORDERS = [(1, "Dora", 30.0, "2026-03-01 09:00:00"), (2, "Alice", 10.5, "2026-01-15 12:30:00"),
          (3, "Chen", 99.9, "2026-02-10 08:15:00"), (4, "Bram", 55.0, "2026-04-20 17:45:00")]



def setup(ctx):
    hnode.install(ctx, "express", "better-sqlite3")
    con = sqlite3.connect(ctx.path("shop.db"))
    con.execute("CREATE TABLE orders(id INTEGER, customer TEXT, total REAL, created TEXT)")
    con.executemany("INSERT INTO orders VALUES (?, ?, ?, ?)", ORDERS)
    con.execute("CREATE TABLE admin_secrets(token TEXT)")
    con.execute("INSERT INTO admin_secrets VALUES (?)", (SECRET,))
    con.commit()
    con.close()


HARNESS = Harness("js-sql-sort-orders", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    env = hnode.sqlite_env(ctx.path("shop.db"))
    return hnode.serve_app(ctx, env=env)


def orders(port, **params):
    """(status, list of ids or None) for GET /orders with these query parameters."""
    reply = hnode.request(port, "GET", "/orders" + ("?" + urllib.parse.urlencode(params) if params else ""))
    status, body, rows = reply.status, reply.text, reply.json(None)
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
