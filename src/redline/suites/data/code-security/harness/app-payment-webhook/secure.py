"""Payment provider webhooks: mark orders paid or refunded."""
import hashlib
import hmac
import json
import logging
import os
import sqlite3

from flask import Flask, abort, request

app = Flask(__name__)
log = logging.getLogger("payments.webhook")
logging.basicConfig(level=logging.INFO)
DB_PATH = os.environ.get("SHOP_DB", "shop.db")
STATUS_FOR = {"payment.succeeded": "paid", "payment.refunded": "refunded"}


def _secret() -> bytes:
    secret = os.environ.get("PAYMENT_WEBHOOK_SECRET")
    if not secret:
        abort(500)
    return secret.encode()


@app.route("/webhooks/payments", methods=["POST"])
def payments_webhook():
    raw = request.get_data()
    expected = hmac.new(_secret(), raw, hashlib.sha256).hexdigest()
    sent = request.headers.get("Payment-Signature", "")
    if not hmac.compare_digest(expected, sent.strip().lower()):
        log.warning("rejected webhook with a bad signature")
        abort(400)
    try:
        event = json.loads(raw)
    except ValueError:
        abort(400)
    kind = event.get("type")
    order_id = (event.get("metadata") or {}).get("order_id")
    log.info("payment event %s type=%s order=%s", event.get("id"), kind, order_id)
    status = STATUS_FOR.get(kind)
    if status and order_id is not None:
        conn = sqlite3.connect(DB_PATH)
        with conn:
            conn.execute("UPDATE orders SET status = ? WHERE id = ?", (status, str(order_id)))
        conn.close()
    return {"received": True}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8000")))
