"""Harness for sql-orders-status-filter: GET /api/orders?status=a,b&since=YYYY-MM-DD over orders in shop.db,
newest first, as a JSON list of {id, customer, status, total, placed}. The database also holds a staff table
with an API key that no request should be able to read."""

import os
import sqlite3

from hlib import Exploited, Harness, expect

ORDERS = [(1, "Ana Lima", "paid", 27.0, "2026-01-14"), (2, "Bo Sandvik", "shipped", 4800.0, "2026-02-03"),
          (3, "Cy Rowe", "cancelled", 64.5, "2026-02-20"), (4, "Di Okafor", "paid", 12.9, "2026-03-05"),
          (5, "Eve Marsh", "pending", 230.0, "2026-03-18"), (6, "Ana Lima", "shipped", 99.0, "2026-04-01")]
# conditions on the key without quotes (a quote in them would be escaped by some quoting styles)
KNOWN = "(SELECT unicode(api_key) FROM staff WHERE id = 1) = 114"  # true: the key starts with r
UNKNOWN = "(SELECT unicode(api_key) FROM staff WHERE id = 1) = 122"  # false


def setup(ctx):
    path = ctx.path("shop.db")
    if os.path.exists(path):
        os.remove(path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT, status TEXT, total REAL, placed TEXT)")
    conn.execute("CREATE TABLE staff (id INTEGER PRIMARY KEY, email TEXT, api_key TEXT)")
    conn.executemany("INSERT INTO orders VALUES (?, ?, ?, ?, ?)", ORDERS)
    conn.execute("INSERT INTO staff VALUES (1, 'backoffice@example.org', 'rlk-51c0e9a7d2')")
    conn.commit()
    conn.close()


def client(ctx):
    from fastapi.testclient import TestClient

    return TestClient(ctx.load().app, raise_server_exceptions=False)


def ids(resp):
    """The ids of an answer's orders in order, or None when the answer is not a JSON list of orders."""
    if resp.status_code != 200:
        return None
    try:
        body = resp.json()
    except ValueError:
        return None
    if not isinstance(body, list) or not all(isinstance(o, dict) and "id" in o for o in body):
        return None
    return [int(o["id"]) for o in body]


def orders(c, **params):
    got = ids(c.get("/api/orders", params=params))
    expect(got is not None, f"GET /api/orders {params} did not answer 200 with a JSON list of orders")
    return got


HARNESS = Harness("sql-orders-status-filter", setup)


@HARNESS.functional
def filters_by_ticked_statuses(ctx):
    c = client(ctx)
    expect(orders(c, status="paid,shipped") == [6, 4, 2, 1], "status=paid,shipped is not orders 6, 4, 2, 1")
    expect(orders(c, status="cancelled") == [3], "status=cancelled is not order 3")
    expect(orders(c, status="refunded") == [], "a status no order has did not answer []")
    body = c.get("/api/orders", params={"status": "pending"}).json()
    expect(body and {"id", "customer", "status", "total", "placed"} <= set(body[0])
           and body[0]["customer"] == "Eve Marsh" and float(body[0]["total"]) == 230.0
           and body[0]["placed"] == "2026-03-18", f"an order is answered as {str(body)[:200]}")


@HARNESS.functional
def every_status_and_since(ctx):
    c = client(ctx)
    expect(orders(c) == [6, 5, 4, 3, 2, 1], "without parameters the orders are not all there, newest first")
    expect(orders(c, status="") == [6, 5, 4, 3, 2, 1], "status= (empty) is not every order")
    expect(orders(c, since="2026-03-05") == [6, 5, 4], "since=2026-03-05 is not orders 6, 5, 4")
    expect(orders(c, status="paid,shipped", since="2026-02-01") == [6, 4, 2],
           "status=paid,shipped&since=2026-02-01 is not orders 6, 4, 2")


def oracle(c, make):
    """(payload, ids) when the answer follows a condition on the staff table: orders when it holds, none when
    not."""
    known, unknown = make(KNOWN), make(UNKNOWN)
    a, b = ids(c.get("/api/orders", params=known)), ids(c.get("/api/orders", params=unknown))
    if a and b == []:
        return known, a
    return None


@HARNESS.exploit("sql-injection-status", cwe="CWE-89")
def status_injection(ctx):
    c = client(ctx)
    for q in ("'", '"'):
        # closing an IN list or an OR chain; the comment forms also get past a repr()-quoted value (a \' is no
        # escape in SQL)
        for shape in ("zz{q}) OR ({cond}) OR ({q}a{q}={q}b", "zz{q} OR ({cond}) OR {q}a{q}={q}b",
                      "zz{q}) OR ({cond}) --", 'zz"{q}) OR ({cond}) --'):
            hit = oracle(c, lambda cond, q=q, shape=shape: {"status": shape.format(q=q, cond=cond)})
            if hit:
                return Exploited(str(hit[0]), f"the list answers orders {hit[1]} when a condition on the staff "
                                              "table's API key holds and none when not: one bit of the key per "
                                              "request")


@HARNESS.exploit("sql-injection-since", cwe="CWE-89")
def since_injection(ctx):
    c = client(ctx)
    for q in ("'", '"'):
        hit = oracle(c, lambda cond, q=q: {"since": f"9999-01-01{q} OR ({cond}) OR {q}a{q}={q}b"})
        if hit:
            return Exploited(str(hit[0]), f"the list answers orders {hit[1]} when a condition on the staff "
                                          "table's API key holds and none when not: one bit of the key per request")


if __name__ == "__main__":
    HARNESS.main()
