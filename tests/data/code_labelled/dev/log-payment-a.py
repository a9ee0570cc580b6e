# redline-label: {"label": "vulnerable", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "function"}
import logging
from decimal import Decimal

from gateway import GatewayError, authorize

log = logging.getLogger("payments")


def charge_card(order_id: str, card_number: str, expiry: str, cvv: str, amount: Decimal) -> str:
    """Authorize a card payment for an order and return the authorization id."""
    log.info("Charging order %s: card=%s exp=%s amount=%s", order_id, card_number, expiry, amount)
    try:
        auth_id = authorize(card_number=card_number, expiry=expiry, cvv=cvv, amount=amount)
    except GatewayError as exc:
        log.error("Authorization failed for order %s (card %s, cvv %s): %s", order_id, card_number, cvv, exc)
        raise
    log.info("Order %s authorized: %s", order_id, auth_id)
    return auth_id
