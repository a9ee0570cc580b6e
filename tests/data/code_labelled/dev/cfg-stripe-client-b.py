# redline-label: {"label": "secure", "cwes": ["CWE-798"], "task": null, "category": "secrets-config", "style": "class"}
import logging
import os
from typing import Optional

import requests

log = logging.getLogger(__name__)


class PaymentsClient:
    """Thin wrapper around the payment provider's REST API.

    The API key is read from PAYMENTS_API_KEY unless passed explicitly
    (e.g. from a secrets manager in the caller).
    """

    BASE_URL = "https://api.payments.example.com/v1"

    def __init__(self, api_key: Optional[str] = None, timeout: float = 10.0) -> None:
        api_key = api_key or os.environ.get("PAYMENTS_API_KEY")
        if not api_key:
            raise ValueError("no payments API key configured")
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {api_key}"
        self.timeout = timeout

    def create_charge(self, amount_cents: int, currency: str, customer_id: str, description: str = "") -> dict:
        resp = self.session.post(
            f"{self.BASE_URL}/charges",
            json={"amount": amount_cents, "currency": currency, "customer": customer_id, "description": description},
            timeout=self.timeout,
        )
        resp.raise_for_status()
        return resp.json()

    def refund(self, charge_id: str) -> dict:
        resp = self.session.post(f"{self.BASE_URL}/charges/{charge_id}/refund", timeout=self.timeout)
        resp.raise_for_status()
        log.info("refunded %s", charge_id)
        return resp.json()
