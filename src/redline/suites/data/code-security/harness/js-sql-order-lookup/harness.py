"""Harness for js-sql-order-lookup: GET /orders/:id answers the logged-in customer's order (customer id in
req.session.customerId) from table orders of the better-sqlite3 database at DB_PATH as {id, item, total, address},
404 when there is no such order.

Express, express-session and better-sqlite3 are stand-ins (``_lib``; every statement runs in real SQLite), and
every request arrives with a session whose ``customerId`` the harness chooses. Exploits: a customer reads another
customer's order, delivery address included, by its id (CWE-639); an id in the path that rewrites the SELECT so
that another customer's address comes back to a customer who has no orders (CWE-89). A refusal may be 403 or 404.
"""

import sqlite3
import urllib.parse

import hnode
from hpoly import Exploited, Harness, expect

ORDERS = [(1, 10, "Walking boots", 89.5, "12 Elm Street, Leeds"),
          (2, 20, "Rain jacket", 120.0, "4 Harbour Road, Cork (Mira Tanaka)"),
          (3, 10, "Wool socks", 9.25, "12 Elm Street, Leeds"),
          (4, 20, "Tent", 310.0, "Flat 9, 77 Quay Lane, Galway (Mira Tanaka)")]
OTHERS = ("Harbour Road", "Quay Lane", "Mira Tanaka")  # only in customer 20's orders

SESSION = """(req, res) => {
  req.session = session.makeSession();
  if (req.headers["x-rl-customer"]) req.session.customerId = Number(req.headers["x-rl-customer"]);
  app(req, res);
}"""


def setup(ctx):
    hnode.install(ctx, "express", "better-sqlite3", "express-session")
    con = sqlite3.connect(ctx.path("shop.db"))
    con.execute("CREATE TABLE orders(id INTEGER, customer_id INTEGER, item TEXT, total REAL, address TEXT)")
    con.executemany("INSERT INTO orders VALUES (?, ?, ?, ?, ?)", ORDERS)
    con.commit()
    con.close()


HARNESS = Harness("js-sql-order-lookup", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    return hnode.serve_app(ctx, env={**hnode.sqlite_env(ctx.path("shop.db")), "SESSION_SECRET": "rl-test-secret"},
                           before='const session = need("express-session");', handler=SESSION)


def get(port, customer, order_id):
    return hnode.request(port, "GET", f"/orders/{urllib.parse.quote(str(order_id), safe='')}",
                         headers={"X-RL-Customer": str(customer)})


@HARNESS.functional
def shows_own_orders(ctx):
    with serve(ctx) as port:
        for customer, (oid, _, item, total, address) in ((10, ORDERS[0]), (10, ORDERS[2]), (20, ORDERS[3])):
            reply = get(port, customer, oid)
            body = reply.json(None)
            expect(reply.status == 200,
                   f"customer {customer}, GET /orders/{oid}: status {reply.status} {reply.text[:100]}")
            expect(isinstance(body, dict), f"GET /orders/{oid} is not a JSON object: {reply.text[:100]!r}")
            got = (body.get("id"), body.get("item"), body.get("total"), body.get("address"))
            expect(got == (oid, item, total, address), f"GET /orders/{oid} answered {body!r}")
        reply = get(port, 10, 999)
        expect(reply.status == 404, f"GET /orders/999 (no such order) answered {reply.status}")


def leaked(reply):
    return [s for s in OTHERS if s in reply.text]


@HARNESS.exploit("idor", cwe="CWE-639")
def other_customers_order(ctx):
    with serve(ctx) as port:
        for oid in (2, 4):
            reply = get(port, 10, oid)
            if leaked(reply):
                return Exploited(f"customer 10: GET /orders/{oid}",
                                 f"customer 20's order came back ({reply.status}): {reply.text[:120]}")
    return None


@HARNESS.exploit("sql-injection", cwe="CWE-89")
def inject(ctx):
    with serve(ctx) as port:
        for oid in ("2 --", "2 OR 1=1", "0 OR 1=1 --", "0 OR customer_id = 20", "2 OR 1=1 ORDER BY customer_id DESC",
                    "0 UNION SELECT id, item, total, address FROM orders WHERE customer_id = 20 --",
                    "0 UNION SELECT id, customer_id, item, total, address FROM orders WHERE customer_id = 20 --",
                    "2' --", "0' OR '1'='1' --", "0' OR customer_id = 20 --"):
            reply = get(port, 30, oid)  # customer 30 has no orders at all
            found = leaked(reply)
            if found:
                return Exploited(f"customer 30: GET /orders/{oid}",
                                 f"another customer's order came back ({reply.status}): {found[0]!r} in "
                                 f"{reply.text[:120]}")
    return None


if __name__ == "__main__":
    HARNESS.main()
