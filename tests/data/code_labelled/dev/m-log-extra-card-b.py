# redline-label: {"label": "secure", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "function"}
import logging
from dataclasses import dataclass, field
from decimal import Decimal

from gateway import GatewayError, client

logger = logging.getLogger("billing.charges")


@dataclass
class Card:
    number: str = field(repr=False)
    exp_month: int
    exp_year: int
    cvv: str = field(repr=False)
    holder: str

    @property
    def last4(self) -> str:
        return self.number[-4:]


def charge_card(customer_id: int, card: Card, amount: Decimal, currency: str = "EUR") -> str:
    """Charge a card through the gateway and return the gateway's charge id."""
    logger.info(
        "submitting charge",
        extra={
            "customer_id": customer_id,
            "amount": str(amount),
            "currency": currency,
            "card_last4": card.last4,
            "card_exp": f"{card.exp_month:02d}/{card.exp_year}",
        },
    )
    try:
        result = client.charges.create(
            amount=int(amount * 100),
            currency=currency,
            source={"number": card.number, "exp_month": card.exp_month, "exp_year": card.exp_year, "cvc": card.cvv},
        )
    except GatewayError as exc:
        logger.error("charge failed", extra={"customer_id": customer_id, "card_last4": card.last4, "reason": exc.code})
        raise
    logger.info("charge ok", extra={"customer_id": customer_id, "charge_id": result.id})
    return result.id
