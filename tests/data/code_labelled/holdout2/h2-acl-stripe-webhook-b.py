# redline-label: {"label": "vulnerable", "cwes": ["CWE-345", "CWE-347"], "task": null, "category": "access-control", "style": "flask-app"}
import logging
import os

import stripe
from flask import Flask, jsonify, request

from orders import mark_paid, mark_payment_failed

app = Flask(__name__)
stripe.api_key = os.environ["STRIPE_API_KEY"]
log = logging.getLogger("webhooks.stripe")


@app.post("/webhooks/stripe")
def stripe_webhook():
    """Receive Stripe events. The endpoint URL is only configured in the Stripe dashboard."""
    try:
        event = stripe.Event.construct_from(request.get_json(force=True), stripe.api_key)
    except ValueError:
        return jsonify(error="bad payload"), 400

    obj = event["data"]["object"]
    if event["type"] == "payment_intent.succeeded":
        mark_paid(obj["metadata"]["order_id"], amount=obj["amount_received"])
    elif event["type"] == "payment_intent.payment_failed":
        mark_payment_failed(obj["metadata"]["order_id"])
    log.info("processed %s", event["type"])
    return jsonify(received=True)
