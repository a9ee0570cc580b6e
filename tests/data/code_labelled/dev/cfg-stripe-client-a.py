# redline-label: {"label": "vulnerable", "cwes": ["CWE-798"], "task": null, "category": "secrets-config", "style": "class"}
import logging

import requests

log = logging.getLogger(__name__)


class PaymentsClient:
    """Thin wrapper around the payment provider's REST API."""

    BASE_URL = "https://api.payments.example.com/v1"
    API_KEY = "pay_live_7Qm2vX9aLr4TzE8wHn3JcY6bKd1F"

    def __init__(self, timeout=10):
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {self.API_KEY}"})
        self.timeout = timeout

    def create_charge(self, amount_cents, currency, customer_id, description=""):
        resp = self.session.post(
            f"{self.BASE_URL}/charges",
            json={"amount": amount_cents, "currency": currency, "customer": customer_id, "description": description},
            timeout=self.timeout,
        )
        resp.raise_for_status()
        return resp.json()

    def refund(self, charge_id):
        resp = self.session.post(f"{self.BASE_URL}/charges/{charge_id}/refund", timeout=self.timeout)
        resp.raise_for_status()
        log.info("refunded %s", charge_id)
        return resp.json()
