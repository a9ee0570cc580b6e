import logging

import requests

logger = logging.getLogger(__name__)
TOKEN_URL = "https://auth.ourorg.net/oauth/token"


def refresh_access_token(refresh_token: str) -> str:
    """Exchange the refresh token for a new access token and return it."""
    resp = requests.post(TOKEN_URL, data={"grant_type": "refresh_token", "refresh_token": refresh_token,
                                          "client_id": "dashboard"})
    if not resp.ok:
        logger.error("refresh failed with status %s", resp.status_code)
        resp.raise_for_status()
    logger.info("access token refreshed")
    return resp.json()["access_token"]
