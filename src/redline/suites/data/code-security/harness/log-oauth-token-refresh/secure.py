import logging

import requests

logger = logging.getLogger(__name__)
TOKEN_URL = "https://auth.ourorg.net/oauth/token"


def refresh_access_token(refresh_token: str) -> str:
    """Exchange the refresh token for a new access token and return it."""
    logger.info("refreshing access token for client dashboard")
    resp = requests.post(TOKEN_URL, data={"grant_type": "refresh_token", "refresh_token": refresh_token,
                                          "client_id": "dashboard"}, timeout=10)
    if resp.status_code != 200:
        try:
            error = resp.json().get("error")
        except ValueError:
            error = None
        logger.warning("token refresh failed: HTTP %s, error=%s", resp.status_code, error)
        raise RuntimeError(f"token refresh failed ({resp.status_code}, {error})")
    data = resp.json()
    logger.info("token refresh ok, expires in %s s", data.get("expires_in"))
    return data["access_token"]
