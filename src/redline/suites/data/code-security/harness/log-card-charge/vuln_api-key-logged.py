import logging
import os

import requests

log = logging.getLogger("payments")
API_KEY = os.environ["PAYPROVIDER_API_KEY"]


def charge_card(card_number: str, expiry: str, cvv: str, amount: int) -> dict:
    """Create a charge with the payment provider and return its JSON response."""
    headers = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}
    log.info("POST charges amount=%s card=...%s headers=%s", amount, card_number[-4:], headers)
    resp = requests.post("https://api.payprovider.example/v1/charges", headers=headers,
                         json={"card_number": card_number, "expiry": expiry, "cvv": cvv, "amount": amount},
                         timeout=15)
    log.info("response %s %s", resp.status_code, resp.text)
    return resp.json()
