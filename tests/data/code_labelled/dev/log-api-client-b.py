# redline-label: {"label": "secure", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "class"}
import logging
import os
import time

import requests

logger = logging.getLogger(__name__)
SENSITIVE_HEADERS = {"authorization", "cookie", "x-api-key"}


def redact_headers(headers) -> dict:
    return {k: ("<redacted>" if k.lower() in SENSITIVE_HEADERS else v) for k, v in headers.items()}


class CrmClient:
    def __init__(self, base_url: str = "https://crm.example.com/api", token: str | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update(
            {"Authorization": f"Bearer {token or os.environ['CRM_TOKEN']}", "Accept": "application/json"}
        )

    def _request(self, method: str, path: str, **kwargs):
        url = f"{self.base_url}/{path.lstrip('/')}"
        logger.debug("-> %s %s headers=%s", method, url, redact_headers(self.session.headers))
        start = time.monotonic()
        resp = self.session.request(method, url, timeout=15, **kwargs)
        logger.debug("<- %s %s in %.0f ms", resp.status_code, url, (time.monotonic() - start) * 1000)
        resp.raise_for_status()
        return resp.json()

    def contact(self, contact_id: str) -> dict:
        return self._request("GET", f"/contacts/{contact_id}")

    def update_contact(self, contact_id: str, **fields) -> dict:
        return self._request("PATCH", f"/contacts/{contact_id}", json=fields)
