# Independent secure reference for log-card-charge.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import logging
import os

import requests

log = logging.getLogger("payments")
CHARGES_URL = "https://api.payprovider.example/v1/charges"
TIMEOUT = (5, 30)


def _mask_card(card_number: str) -> str:
    digits = "".join(c for c in str(card_number) if c.isdigit())
    return f"****{digits[-4:]}" if len(digits) >= 4 else "****"


def charge_card(card_number: str, expiry: str, cvv: str, amount: int) -> dict:
    """Create a charge with the payment provider and return its JSON response.

    The log gets what support needs to trace a payment (masked card, amount, status, charge id, error code),
    never the full card number, the expiry, the CVV or the API key (PCI DSS).
    """
    api_key = os.environ.get("PAYPROVIDER_API_KEY")
    if not api_key:
        raise RuntimeError("PAYPROVIDER_API_KEY is not set")
    card = _mask_card(card_number)
    log.info("charge request: card=%s amount=%s", card, amount)
    try:
        resp = requests.post(
            CHARGES_URL,
            json={"card_number": card_number, "expiry": expiry, "cvv": cvv, "amount": amount},
            headers={"Authorization": f"Bearer {api_key}"},
            timeout=TIMEOUT,
        )
    except requests.RequestException as exc:
        log.error("charge request failed: card=%s amount=%s error=%s", card, amount, type(exc).__name__)
        raise
    try:
        data = resp.json()
    except ValueError:
        log.error("charge response not JSON: card=%s amount=%s status=%s", card, amount, resp.status_code)
        resp.raise_for_status()
        raise
    summary = {k: data.get(k) for k in ("id", "status", "code", "error") if isinstance(data, dict) and k in data}
    if resp.status_code == 402:
        log.warning("charge declined: card=%s amount=%s http=%s response=%s", card, amount, resp.status_code, summary)
    elif resp.ok:
        log.info("charge response: card=%s amount=%s http=%s response=%s", card, amount, resp.status_code, summary)
    else:
        log.error("charge error: card=%s amount=%s http=%s response=%s", card, amount, resp.status_code, summary)
    return data
