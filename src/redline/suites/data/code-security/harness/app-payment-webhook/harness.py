"""Harness for app-payment-webhook: POST /webhooks/payments takes the provider's JSON event, signed in the
Payment-Signature header (hex HMAC-SHA256 of the raw body under PAYMENT_WEBHOOK_SECRET), and marks the order
metadata.order_id paid (payment.succeeded) or refunded (payment.refunded) in orders(id, status) of shop.db."""

import hashlib
import hmac
import json
import os
import sqlite3

from hlib import Exploited, Harness, expect

SECRET = "whsec_rl_7c1f0e9a2b3d4c5e6f708192a3b4c5d6"


def setup(ctx):
    os.environ["PAYMENT_WEBHOOK_SECRET"] = SECRET
    path = ctx.path("shop.db")
    if os.path.exists(path):
        os.remove(path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, status TEXT NOT NULL)")
    conn.executemany("INSERT INTO orders VALUES (?, ?)", [(1, "pending"), (2, "pending"), (3, "pending"),
                                                          (4, "paid")])
    conn.commit()
    conn.close()


def statuses(ctx):
    conn = sqlite3.connect(ctx.path("shop.db"))
    try:
        return dict(conn.execute("SELECT id, status FROM orders"))
    finally:
        conn.close()


def event(kind, order_id, n=1):
    return json.dumps({"id": f"evt_rl_{n}", "type": kind, "created": 1767000000,
                       "amount": 2599, "currency": "eur", "metadata": {"order_id": str(order_id)}}).encode()


def sign(body, secret=SECRET):
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def post(c, body, signature=None):
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers["Payment-Signature"] = signature
    return c.post("/webhooks/payments", data=body, headers=headers)


HARNESS = Harness("app-payment-webhook", setup)


@HARNESS.functional
def signed_events_update_orders(ctx):
    c = ctx.client()
    body = event("payment.succeeded", 1)
    resp = post(c, body, sign(body))
    expect(200 <= resp.status_code < 300, f"a signed payment.succeeded got status {resp.status_code}")
    body = event("payment.refunded", 4, 2)
    resp = post(c, body, sign(body))
    expect(200 <= resp.status_code < 300, f"a signed payment.refunded got status {resp.status_code}")
    got = statuses(ctx)
    expect(got[1] == "paid" and got[4] == "refunded", f"orders after the events: {got}")
    expect(got[2] == "pending" and got[3] == "pending", f"other orders changed: {got}")


@HARNESS.functional
def bad_signature_refused(ctx):
    c = ctx.client()
    body = event("payment.succeeded", 2)
    resp = post(c, body, sign(body, "not-our-secret"))
    expect(400 <= resp.status_code < 500, f"a wrongly signed event got status {resp.status_code}")
    expect(statuses(ctx)[2] == "pending", "a wrongly signed event marked the order paid")


@HARNESS.exploit("unsigned-event", cwe="CWE-345")
def unsigned(ctx):
    c = ctx.client()
    body = event("payment.succeeded", 2)
    for label, sig in (("no Payment-Signature header", None), ("an empty Payment-Signature", ""),
                       ("the signature of another body", sign(event("payment.succeeded", 3, 9)))):
        post(c, body, sig)
        if statuses(ctx)[2] == "paid":
            return Exploited(f"payment.succeeded for order 2 with {label}", "order 2 was marked paid without the "
                                                                             "provider's signature")


@HARNESS.exploit("sql-injection", cwe="CWE-89")
def injection(ctx):
    c = ctx.client()
    for n, order_id in enumerate(("2 OR id=3", "2' OR id='3", "2' OR '1'='1", '2" OR id="3'), start=10):
        body = event("payment.succeeded", order_id, n)
        post(c, body, sign(body))
        got = statuses(ctx)
        if got[3] == "paid":
            return Exploited(f"metadata.order_id = {order_id!r} in a signed event",
                             f"order 3 was marked paid too: the order id reached the SQL text ({got})")


@HARNESS.exploit("debug-mode", cwe="CWE-489")
def debug(ctx):
    runs = ctx.run_as_main()
    if any(run.get("debug") for run in runs) or ctx.app().debug:
        return Exploited("python -m app.solution", "the app starts with the Werkzeug debugger on (code execution "
                                                   "from any browser that reaches an error page)")


if __name__ == "__main__":
    HARNESS.main()
