import logging
import os

import requests

log = logging.getLogger("payments")


def charge_card(card_number: str, expiry: str, cvv: str, amount: int) -> dict:
    """Create a charge with the payment provider and return its JSON response."""
    payload = {"card_number": card_number, "expiry": expiry, "cvv": cvv, "amount": amount}
    log.info("Sending charge: %s", payload)
    resp = requests.post("https://api.payprovider.example/v1/charges", json=payload,
                         headers={"Authorization": "Bearer " + os.environ["PAYPROVIDER_API_KEY"]},
                         timeout=10)
    log.info("Provider answered %s: %s", resp.status_code, resp.text)
    return resp.json()
