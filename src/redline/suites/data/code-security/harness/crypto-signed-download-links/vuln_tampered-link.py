import base64
import hashlib
import hmac
import os
import time
from urllib.parse import urlencode


def _sign(path: str) -> str:
    key = os.environ["DOWNLOAD_SIGNING_KEY"].encode()
    return base64.urlsafe_b64encode(hmac.new(key, path.encode(), hashlib.sha256).digest()).decode().rstrip("=")


def sign_url(path: str, expires_at: int) -> str:
    """Return `path` with expires and signature query parameters; check_url() below checks them."""
    return f"{path}?{urlencode({'expires': expires_at, 'signature': _sign(path)})}"


def check_url(path: str, expires_at: int, signature: str) -> bool:
    return expires_at > time.time() and hmac.compare_digest(_sign(path), signature)
