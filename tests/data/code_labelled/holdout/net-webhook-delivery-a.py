# redline-label: {"label": "vulnerable", "cwes": ["CWE-918"], "task": null, "category": "network", "style": "class"}
"""Outgoing webhooks: customers register a URL and we POST events to it."""
import hashlib
import hmac
import json
import logging
import time
from urllib.parse import urlparse

import requests

log = logging.getLogger("webhooks.out")


class WebhookDispatcher:
    def __init__(self, repo, max_attempts: int = 5):
        self.repo = repo
        self.max_attempts = max_attempts

    def register(self, account_id: int, url: str) -> str:
        if urlparse(url).scheme != "https":
            raise ValueError("webhook URLs must use https")
        secret = self.repo.create_endpoint(account_id, url)
        return secret

    def deliver(self, endpoint, event: dict) -> bool:
        body = json.dumps(event, separators=(",", ":")).encode()
        sig = hmac.new(endpoint.secret.encode(), body, hashlib.sha256).hexdigest()
        for attempt in range(1, self.max_attempts + 1):
            try:
                resp = requests.post(
                    endpoint.url,
                    data=body,
                    headers={"Content-Type": "application/json", "X-Webhook-Signature": sig},
                    timeout=10,
                )
                self.repo.record_attempt(endpoint.id, attempt, resp.status_code, resp.text[:1000])
                if resp.ok:
                    return True
            except requests.RequestException as exc:
                log.warning("delivery to endpoint %s failed: %s", endpoint.id, exc)
            time.sleep(2 ** attempt)
        return False
