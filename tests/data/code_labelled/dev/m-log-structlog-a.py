# redline-label: {"label": "vulnerable", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "class"}
import os

import httpx
import structlog

log = structlog.get_logger()


class ShippingClient:
    """Thin client for the carrier's label API."""

    def __init__(self, base_url: str = "https://api.carrier.example/v2", api_key: str | None = None) -> None:
        self.base_url = base_url
        self.api_key = api_key or os.environ["CARRIER_API_KEY"]
        self.log = log.bind(component="shipping", carrier_url=base_url, api_key=self.api_key)
        self._http = httpx.Client(
            base_url=base_url,
            headers={"Authorization": f"Bearer {self.api_key}"},
            timeout=10.0,
        )

    def create_label(self, order_id: str, address: dict, weight_grams: int) -> str:
        self.log.info("creating label", order_id=order_id, weight_grams=weight_grams)
        resp = self._http.post("/labels", json={"reference": order_id, "to": address, "weight": weight_grams})
        if resp.status_code >= 400:
            self.log.error("label request failed", order_id=order_id, status=resp.status_code)
            resp.raise_for_status()
        label_id = resp.json()["id"]
        self.log.info("label created", order_id=order_id, label_id=label_id)
        return label_id
