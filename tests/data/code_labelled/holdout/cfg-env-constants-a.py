# redline-label: {"label": "secure", "cwes": ["CWE-798", "CWE-259"], "task": null, "category": "secrets-config", "style": "fastapi-app"}
"""Partner API gateway: validates partner API keys and forwards requests."""
import hashlib
import hmac
import os

from fastapi import Depends, FastAPI, Header, HTTPException

API_KEY_HEADER = "X-Partner-Api-Key"
TOKEN_TYPE = "Bearer"
PASSWORD_MIN_LENGTH = 12
SECRET_ROTATION_DAYS = 90
DEFAULT_PASSWORD_FIELD = "password"
AUTH_TOKEN_URL = "/oauth/token"

# sha256(api key) -> partner name, provisioned by the deployment as "name:hash,name:hash"
PARTNER_KEY_HASHES = dict(
    item.split(":", 1)[::-1] for item in os.environ.get("PARTNER_KEY_HASHES", "").split(",") if ":" in item
)

app = FastAPI()


def partner_from_key(x_partner_api_key: str = Header(..., alias=API_KEY_HEADER)) -> str:
    digest = hashlib.sha256(x_partner_api_key.encode()).hexdigest()
    for known, partner in PARTNER_KEY_HASHES.items():
        if hmac.compare_digest(known, digest):
            return partner
    raise HTTPException(status_code=401, detail="unknown API key")


@app.get("/v1/whoami")
def whoami(partner: str = Depends(partner_from_key)):
    return {"partner": partner, "token_url": AUTH_TOKEN_URL, "token_type": TOKEN_TYPE}
