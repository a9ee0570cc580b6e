# Independent secure reference for app-payment-webhook.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Payment provider webhooks: mark orders paid or refunded."""
import hashlib
import hmac
import json
import logging
import os
import sqlite3

from flask import Flask, abort, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 256 * 1024
log = logging.getLogger("payments.webhooks")
DB_PATH = "shop.db"
STATUS_BY_TYPE = {"payment.succeeded": "paid", "payment.refunded": "refunded"}


def _secret() -> bytes:
    secret = os.environ.get("PAYMENT_WEBHOOK_SECRET")
    if not secret:
        raise RuntimeError("PAYMENT_WEBHOOK_SECRET is not set")
    return secret.encode()


def _signature_ok(raw: bytes, header: str) -> bool:
    expected = hmac.new(_secret(), raw, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header.strip().lower())


@app.route("/webhooks/payments", methods=["POST"])
def payment_webhook():
    raw = request.get_data(cache=False)
    signature = request.headers.get("Payment-Signature", "")
    if not signature or not _signature_ok(raw, signature):
        log.warning("rejected webhook with a missing or bad signature")
        abort(401)
    try:
        event = json.loads(raw)
    except ValueError:
        abort(400)
    if not isinstance(event, dict):
        abort(400)
    event_id, event_type, metadata = event.get("id"), event.get("type"), event.get("metadata")
    # Log what identifies the event, never the secret, the signature or card data.
    log.info("payment webhook received: id=%r type=%r", str(event_id)[:100], str(event_type)[:100])
    status = STATUS_BY_TYPE.get(event_type)
    if status is None:
        return {"received": True, "ignored": True}, 200
    order_id = metadata.get("order_id") if isinstance(metadata, dict) else None
    if not isinstance(order_id, str) or not order_id:
        abort(400)
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute("UPDATE orders SET status = ? WHERE CAST(id AS TEXT) = ?", (status, order_id))
    log.info("order %r marked %s by event %r", order_id[:100], status, str(event_id)[:100])
    return {"received": True}, 200


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=5000, debug=False)
