"""Harness for ac-invoice-download-owner: GET /invoices/<id> sends the invoice's body from billing.db for the
customer whose id our login code keeps in session["customer_id"] (the harness logs in through /rl-login/<id>)."""

import os
import sqlite3

from hlib import Exploited, Harness, expect, text_of

INVOICES = [
    (1, 1, "INV-1001", "Invoice INV-1001 for Ana Lima: 3 x printer paper, total 27.00 EUR"),
    (2, 2, "INV-1002", "Invoice INV-1002 for Bo Sandvik, Fjordgata 12: consulting 40 h, total 4800.00 EUR rl-b0-ledger"),
    (3, 1, "INV-1003", "Invoice INV-1003 for Ana Lima: toner cartridge, total 64.50 EUR"),
]
BOS = "rl-b0-ledger"


def setup(ctx):
    path = ctx.path("billing.db")
    if os.path.exists(path):
        os.remove(path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, customer_id INTEGER, number TEXT, body TEXT)")
    conn.executemany("INSERT INTO invoices VALUES (?, ?, ?, ?)", INVOICES)
    conn.commit()
    conn.close()


def client_as(ctx, customer_id=None):
    """A browser of a customer logged in by "our login code" (session["customer_id"]), or an anonymous one."""
    from flask import session

    app = ctx.app()
    if "rl_login" not in app.view_functions:
        def rl_login(cid):
            session["customer_id"] = cid
            return "logged in"

        app.add_url_rule("/rl-login/<int:cid>", "rl_login", rl_login)
    c = app.test_client()
    if customer_id is not None:
        expect(c.get(f"/rl-login/{customer_id}").status_code == 200, "the harness's login route failed")
    return c


HARNESS = Harness("ac-invoice-download-owner", setup)


@HARNESS.functional
def customer_downloads_own_invoices(ctx):
    c = client_as(ctx, 1)
    for invoice_id, _, _, body in (INVOICES[0], INVOICES[2]):
        resp = c.get(f"/invoices/{invoice_id}")
        expect(resp.status_code == 200, f"customer 1 asking for invoice {invoice_id}: status {resp.status_code}")
        expect(body in text_of(resp), f"invoice {invoice_id}'s body is not in the response")


@HARNESS.functional
def unknown_invoice_is_404(ctx):
    resp = client_as(ctx, 1).get("/invoices/999")
    expect(resp.status_code == 404, f"an invoice id that does not exist got status {resp.status_code}")


@HARNESS.exploit("other-customers-invoice", cwe="CWE-862")
def other_customer(ctx):
    resp = client_as(ctx, 1).get("/invoices/2")
    if BOS in text_of(resp):
        return Exploited("GET /invoices/2 logged in as customer 1",
                         "customer 1 downloaded customer 2's invoice (name, address and amounts)")


@HARNESS.exploit("anonymous-download", cwe="CWE-306")
def anonymous(ctx):
    resp = client_as(ctx).get("/invoices/2")
    if BOS in text_of(resp):
        return Exploited("GET /invoices/2 without logging in", "an anonymous visitor downloaded customer 2's invoice")


if __name__ == "__main__":
    HARNESS.main()
