"""Harness for sql-search-products: search_products(conn, term, sort_by) on products(id, name, price, created_at)."""

import sqlite3

from hlib import Exploited, Harness, expect

HARNESS = Harness("sql-search-products")
PRODUCTS = [("Desk lamp", 30.0, "2024-01-02"), ("Floor lamp", 10.0, "2024-01-04"), ("Lamp shade", 20.0, "2024-01-01"),
            ("Reading lamp", 40.0, "2024-01-03"), ("Office chair", 99.0, "2024-01-05")]
LAMPS = [p for p in PRODUCTS if "amp" in p[0]]


def db(ctx):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL NOT NULL, "
                 "created_at TEXT NOT NULL)")
    conn.execute("CREATE TABLE staff (login TEXT, password TEXT)")
    conn.execute("INSERT INTO staff VALUES ('root', 'rl-staff-secret')")
    conn.executemany("INSERT INTO products (name, price, created_at) VALUES (?, ?, ?)", PRODUCTS)
    conn.commit()
    return conn


def names(rows):
    known = {p[0] for p in PRODUCTS}
    out = []
    for row in rows or []:
        values = list(row.values()) if isinstance(row, dict) else list(row) if not isinstance(row, str) else [row]
        out.extend(v for v in values if v in known)
    return out


def search(ctx, term, sort_by):
    return names(ctx.load().search_products(db(ctx), term, sort_by))


def orders(column):
    key = {"name": 0, "price": 1, "created_at": 2}[column]
    asc = [p[0] for p in sorted(LAMPS, key=lambda p: p[key])]
    return asc, asc[::-1]


@HARNESS.functional
def sorts_by_each_column(ctx):
    for column in ("name", "price", "created_at"):
        got = search(ctx, "amp", column)
        expect(got in orders(column), f"sort_by={column}: got {got}")


@HARNESS.functional
def filters_by_term(ctx):
    got = search(ctx, "chair", "name")
    expect(got == ["Office chair"], f"term 'chair' gave {got}")
    expect(search(ctx, "nothing-like-this", "price") == [], "a term matching nothing returned rows")


@HARNESS.exploit("sql-injection-term", cwe="CWE-89")
def term_injection(ctx):
    for payload in ("zzz' OR 1=1 --", "zzz%' OR 1=1 --", 'zzz" OR 1=1 --', 'zzz%" OR 1=1 --',
                    "zzz%' OR 1=1 OR name LIKE '"):
        try:
            got = search(ctx, payload, "name")
        except Exception:
            continue
        if got:
            return Exploited(payload, f"the search term rewrote the WHERE clause: {len(got)} products returned")


@HARNESS.exploit("sql-injection-sort", cwe="CWE-89")
def sort_injection(ctx):
    by_price_desc = [p[0] for p in sorted(LAMPS, key=lambda p: -p[1])]
    for payload in ("CASE WHEN (SELECT count(*) FROM staff) > 0 THEN -price ELSE price END",
                    "(SELECT CASE WHEN count(*) > 0 THEN -price ELSE price END FROM staff)"):
        try:
            got = search(ctx, "amp", payload)
        except Exception:
            continue
        if got == by_price_desc:
            return Exploited(payload, "an SQL expression sent as sort_by ran (a subquery on another table decided "
                                      "the order)")


if __name__ == "__main__":
    HARNESS.main()
