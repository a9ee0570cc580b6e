# redline-label: {"label": "vulnerable", "cwes": ["CWE-345", "CWE-347"], "task": null, "category": "access-control", "style": "flask-app"}
"""Payment provider webhook: marks orders paid when a charge succeeds."""
import logging
import os

from flask import Flask, jsonify, request

from orders import mark_paid, mark_refunded

app = Flask(__name__)
log = logging.getLogger("webhooks")
WEBHOOK_SECRET = os.environ["PAYMENTS_WEBHOOK_SECRET"]


@app.post("/webhooks/payments")
def payments_webhook():
    event = request.get_json(force=True)
    signature = request.headers.get("X-Signature")
    if not signature:
        return jsonify(error="missing signature"), 400

    kind = event.get("type")
    obj = event.get("data", {})
    if kind == "charge.succeeded":
        mark_paid(obj["metadata"]["order_id"], amount=obj["amount"], charge_id=obj["id"])
    elif kind == "charge.refunded":
        mark_refunded(obj["metadata"]["order_id"], charge_id=obj["id"])
    else:
        log.info("ignoring event type %s", kind)
    return jsonify(received=True)
