import logging
import os

import requests

log = logging.getLogger("payments")
CHARGES_URL = "https://api.payprovider.example/v1/charges"


def charge_card(card_number: str, expiry: str, cvv: str, amount: int) -> dict:
    """Create a charge with the payment provider and return its JSON response."""
    api_key = os.environ["PAYPROVIDER_API_KEY"]
    masked = f"****{card_number[-4:]}"
    log.info("charge request: card=%s expiry=%s amount=%d", masked, expiry, amount)
    resp = requests.post(CHARGES_URL, json={"card_number": card_number, "expiry": expiry, "cvv": cvv,
                                            "amount": amount},
                         headers={"Authorization": f"Bearer {api_key}"}, timeout=(5, 30))
    data = resp.json()
    if resp.ok:
        log.info("charge response: status=%s id=%s charge_status=%s", resp.status_code, data.get("id"),
                 data.get("status"))
    else:
        log.warning("charge failed: status=%s error=%s card=%s", resp.status_code, data.get("error"), masked)
    return data
