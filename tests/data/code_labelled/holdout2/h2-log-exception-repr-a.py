# redline-label: {"label": "vulnerable", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "class"}
import logging
from dataclasses import dataclass

from acquirer import AcquirerClient, AcquirerError

logger = logging.getLogger("payments")


@dataclass
class PaymentRequest:
    order_id: str
    amount_cents: int
    currency: str
    pan: str
    expiry: str
    cvc: str
    cardholder: str


class PaymentProcessor:
    def __init__(self, client: AcquirerClient) -> None:
        self.client = client

    def authorize(self, req: PaymentRequest) -> str:
        try:
            auth = self.client.authorize(
                amount=req.amount_cents, currency=req.currency, pan=req.pan, expiry=req.expiry, cvc=req.cvc
            )
        except AcquirerError:
            logger.exception("authorization failed for %r", req)
            raise
        logger.info("order %s authorized: %s", req.order_id, auth.reference)
        return auth.reference
