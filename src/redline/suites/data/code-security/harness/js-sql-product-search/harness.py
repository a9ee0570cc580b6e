"""Harness for js-sql-product-search: GET /products?name=<text>[&maxPrice=<n>] answers JSON [{id, name, price}] of
the products whose name contains the text (cheaper than maxPrice when given), from the better-sqlite3 database at
DB_PATH.

Express and better-sqlite3 are not installed in the sandbox: ``require("express")`` finds ``express_standin.cjs``
and ``require("better-sqlite3")`` finds ``better_sqlite3_standin.cjs`` (in the harness library, ``_lib``; every statement runs in
real SQLite). The exploit works when a search returns a secret from another table (UNION through name or maxPrice;
CWE-89).
"""

import sqlite3
import urllib.parse

import hnode
from hpoly import Exploited, Harness, expect

SECRET = "rl-secret-token-8107"  # noqa: S105 - a canary row the exploit tries to read
PRODUCTS = [(1, "Blue mug", 12.5), (2, "Red mug", 8.0), (3, "Teapot", 30.0), (4, "Wooden mug rack", 45.0)]


def setup(ctx):
    hnode.install(ctx, "express", "better-sqlite3")
    con = sqlite3.connect(ctx.path("shop.db"))
    con.execute("CREATE TABLE products(id INTEGER, name TEXT, price REAL)")
    con.executemany("INSERT INTO products VALUES (?, ?, ?)", PRODUCTS)
    con.execute("CREATE TABLE admin_secrets(token TEXT)")
    con.execute("INSERT INTO admin_secrets VALUES (?)", (SECRET,))
    con.commit()
    con.close()


HARNESS = Harness("js-sql-product-search", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    env = hnode.sqlite_env(ctx.path("shop.db"))
    return hnode.serve_app(ctx, env=env)


def search(port, **params):
    reply = hnode.request(port, "GET", "/products?" + urllib.parse.urlencode(params))
    return reply.status, reply.json(None), reply.text


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
