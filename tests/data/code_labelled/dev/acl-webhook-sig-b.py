# redline-label: {"label": "secure", "cwes": ["CWE-345", "CWE-347"], "task": null, "category": "access-control", "style": "flask-app"}
"""Payment provider webhook: marks orders paid when a charge succeeds."""
import hashlib
import hmac
import json
import logging
import os
import time

from flask import Flask, abort, jsonify, request

from orders import mark_paid, mark_refunded

app = Flask(__name__)
log = logging.getLogger("webhooks")
WEBHOOK_SECRET = os.environ["PAYMENTS_WEBHOOK_SECRET"].encode()
TOLERANCE_SECONDS = 300


def verify_signature(payload: bytes, header: str) -> None:
    """Header format: t=<unix ts>,v1=<hex hmac-sha256 of "<ts>.<payload>">"""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        ts = int(parts["t"])
        received = parts["v1"]
    except (ValueError, KeyError):
        abort(400)
    if abs(time.time() - ts) > TOLERANCE_SECONDS:
        abort(400)
    expected = hmac.new(WEBHOOK_SECRET, f"{ts}.".encode() + payload, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, received):
        abort(401)


@app.post("/webhooks/payments")
def payments_webhook():
    payload = request.get_data()
    verify_signature(payload, request.headers.get("X-Signature", ""))
    event = json.loads(payload)

    kind = event.get("type")
    obj = event.get("data", {})
    if kind == "charge.succeeded":
        mark_paid(obj["metadata"]["order_id"], amount=obj["amount"], charge_id=obj["id"])
    elif kind == "charge.refunded":
        mark_refunded(obj["metadata"]["order_id"], charge_id=obj["id"])
    else:
        log.info("ignoring event type %s", kind)
    return jsonify(received=True)
