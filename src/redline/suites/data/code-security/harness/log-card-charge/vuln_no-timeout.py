import logging
import os

import requests

log = logging.getLogger("payments")


def charge_card(card_number: str, expiry: str, cvv: str, amount: int) -> dict:
    """Create a charge with the payment provider and return its JSON response."""
    session = requests.Session()
    session.headers["Authorization"] = "Bearer " + os.environ["PAYPROVIDER_API_KEY"]
    log.info("charging %s cents to card ending %s", amount, card_number[-4:])
    resp = session.post("https://api.payprovider.example/v1/charges",
                        json={"card_number": card_number, "expiry": expiry, "cvv": cvv, "amount": amount})
    body = resp.json()
    log.info("charge answer status=%s body=%s", resp.status_code, body)
    return body
