# redline-label: {"label": "secure", "cwes": ["CWE-345", "CWE-347"], "task": null, "category": "access-control", "style": "flask-app"}
import logging
import os

import stripe
from flask import Flask, jsonify, request

from orders import mark_paid, mark_payment_failed

app = Flask(__name__)
stripe.api_key = os.environ["STRIPE_API_KEY"]
ENDPOINT_SECRET = os.environ["STRIPE_WEBHOOK_SECRET"]
log = logging.getLogger("webhooks.stripe")


@app.post("/webhooks/stripe")
def stripe_webhook():
    payload = request.get_data()
    signature = request.headers.get("Stripe-Signature", "")
    try:
        event = stripe.Webhook.construct_event(payload, signature, ENDPOINT_SECRET)
    except ValueError:
        return jsonify(error="bad payload"), 400
    except stripe.error.SignatureVerificationError:
        log.warning("rejected webhook with invalid signature")
        return jsonify(error="bad signature"), 400

    obj = event["data"]["object"]
    if event["type"] == "payment_intent.succeeded":
        mark_paid(obj["metadata"]["order_id"], amount=obj["amount_received"])
    elif event["type"] == "payment_intent.payment_failed":
        mark_payment_failed(obj["metadata"]["order_id"])
    return jsonify(received=True)
