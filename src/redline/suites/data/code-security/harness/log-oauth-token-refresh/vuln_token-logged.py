import logging

import requests

logger = logging.getLogger(__name__)
TOKEN_URL = "https://auth.ourorg.net/oauth/token"


def refresh_access_token(refresh_token: str) -> str:
    """Exchange the refresh token for a new access token and return it."""
    logger.debug("Refreshing with refresh_token=%s", refresh_token)
    resp = requests.post(TOKEN_URL, data={"grant_type": "refresh_token", "refresh_token": refresh_token,
                                          "client_id": "dashboard"}, timeout=15)
    logger.info("Token endpoint replied %s: %s", resp.status_code, resp.text)
    resp.raise_for_status()
    return resp.json()["access_token"]
