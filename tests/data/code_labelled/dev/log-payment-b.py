# redline-label: {"label": "secure", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "function"}
import logging
from decimal import Decimal

from gateway import GatewayError, authorize

log = logging.getLogger("payments")


def mask_pan(card_number: str) -> str:
    digits = "".join(ch for ch in card_number if ch.isdigit())
    return f"****{digits[-4:]}" if len(digits) >= 4 else "****"


def charge_card(order_id: str, card_number: str, expiry: str, cvv: str, amount: Decimal) -> str:
    """Authorize a card payment for an order and return the authorization id."""
    masked = mask_pan(card_number)
    log.info("Charging order %s: card=%s amount=%s", order_id, masked, amount)
    try:
        auth_id = authorize(card_number=card_number, expiry=expiry, cvv=cvv, amount=amount)
    except GatewayError as exc:
        log.error("Authorization failed for order %s (card %s): %s", order_id, masked, exc.code)
        raise
    log.info("Order %s authorized: %s", order_id, auth_id)
    return auth_id
