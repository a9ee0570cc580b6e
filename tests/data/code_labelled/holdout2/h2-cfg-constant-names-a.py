# redline-label: {"label": "secure", "cwes": ["CWE-798"], "task": null, "category": "secrets-config", "style": "function"}
"""Client helpers for the partner API. All credentials are provided by the caller."""
import httpx

API_KEY_HEADER = "X-Partner-Key"
SECRET_HEADER = "X-Partner-Signature"
TOKEN_ENDPOINT = "https://partners.example.net/oauth/token"
PASSWORD_GRANT = "password"
CLIENT_SECRET_ENV = "PARTNER_CLIENT_SECRET"
MIN_SECRET_LENGTH = 32
DEFAULT_TOKEN_TTL = 3600


def fetch_token(client_id: str, client_secret: str, username: str, password: str) -> str:
    if len(client_secret) < MIN_SECRET_LENGTH:
        raise ValueError(f"client secret looks truncated (set {CLIENT_SECRET_ENV})")
    resp = httpx.post(
        TOKEN_ENDPOINT,
        data={"grant_type": PASSWORD_GRANT, "username": username, "password": password},
        auth=(client_id, client_secret),
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


def partner_headers(api_key: str, signature: str) -> dict[str, str]:
    return {API_KEY_HEADER: api_key, SECRET_HEADER: signature}
