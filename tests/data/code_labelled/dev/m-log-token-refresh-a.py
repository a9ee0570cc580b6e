# redline-label: {"label": "vulnerable", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "class"}
import logging
import os
import time

import requests

logger = logging.getLogger(__name__)


class CrmOAuthSession:
    """Keeps an OAuth2 access token for the CRM API fresh (refresh-token grant)."""

    TOKEN_URL = "https://login.crm.example/oauth2/token"

    def __init__(self) -> None:
        self.client_id = os.environ["CRM_CLIENT_ID"]
        self.client_secret = os.environ["CRM_CLIENT_SECRET"]
        self.refresh_token = os.environ["CRM_REFRESH_TOKEN"]
        self.access_token: str | None = None
        self.expires_at = 0.0

    def token(self) -> str:
        if self.access_token is None or time.time() > self.expires_at - 60:
            self._refresh()
        assert self.access_token is not None
        return self.access_token

    def _refresh(self) -> None:
        resp = requests.post(
            self.TOKEN_URL,
            data={
                "grant_type": "refresh_token",
                "refresh_token": self.refresh_token,
                "client_id": self.client_id,
                "client_secret": self.client_secret,
            },
            timeout=15,
        )
        resp.raise_for_status()
        data = resp.json()
        logger.debug("token endpoint response: %s", data)
        self.access_token = data["access_token"]
        self.refresh_token = data.get("refresh_token", self.refresh_token)
        self.expires_at = time.time() + int(data.get("expires_in", 3600))
        logger.info("access token refreshed, valid for %ss", data.get("expires_in"))
