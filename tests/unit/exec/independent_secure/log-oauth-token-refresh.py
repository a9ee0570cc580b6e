# Independent secure reference for log-oauth-token-refresh.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import logging

import requests

logger = logging.getLogger(__name__)
TOKEN_URL = "https://auth.ourorg.net/oauth/token"
CLIENT_ID = "dashboard"  # a public client: the id is not a secret, and there is no client secret
TIMEOUT = (5, 15)


class TokenRefreshError(Exception):
    pass


def refresh_access_token(refresh_token: str) -> str:
    """Exchange the refresh token for a new access token and return it.

    The log records the outcome, the HTTP status and the server's error code, never a token.
    """
    try:
        resp = requests.post(
            TOKEN_URL,
            data={"grant_type": "refresh_token", "refresh_token": refresh_token, "client_id": CLIENT_ID},
            timeout=TIMEOUT,
        )
    except requests.RequestException as exc:
        logger.error("token refresh failed: could not reach the auth server (%s)", type(exc).__name__)
        raise TokenRefreshError("could not reach the auth server") from exc
    try:
        data = resp.json()
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    token = data.get("access_token")
    if resp.status_code != 200 or not isinstance(token, str) or not token:
        error = str(data.get("error", "unknown"))[:64]
        logger.warning("token refresh failed: status=%s error=%s", resp.status_code, error)
        raise TokenRefreshError(f"token refresh failed ({resp.status_code}, {error})")
    logger.info("token refresh succeeded: expires_in=%s", data.get("expires_in", "?"))
    return token
