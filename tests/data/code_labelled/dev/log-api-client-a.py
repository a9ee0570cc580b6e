# redline-label: {"label": "vulnerable", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "class"}
import logging
import os
import time

import requests

logger = logging.getLogger(__name__)


class CrmClient:
    def __init__(self, base_url="https://crm.example.com/api", token=None):
        self.base_url = base_url.rstrip("/")
        self.token = token or os.environ["CRM_TOKEN"]
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {self.token}", "Accept": "application/json"})

    def _request(self, method, path, **kwargs):
        url = f"{self.base_url}/{path.lstrip('/')}"
        logger.debug("-> %s %s headers=%s body=%s", method, url, dict(self.session.headers), kwargs.get("json"))
        start = time.monotonic()
        resp = self.session.request(method, url, timeout=15, **kwargs)
        logger.debug("<- %s %s in %.0f ms", resp.status_code, url, (time.monotonic() - start) * 1000)
        resp.raise_for_status()
        return resp.json()

    def contact(self, contact_id):
        return self._request("GET", f"/contacts/{contact_id}")

    def update_contact(self, contact_id, **fields):
        return self._request("PATCH", f"/contacts/{contact_id}", json=fields)
