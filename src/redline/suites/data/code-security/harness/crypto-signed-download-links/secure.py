import hashlib
import hmac
import os
import time
from urllib.parse import urlencode


def _signature(path: str, expires_at: int) -> str:
    key = os.environ["DOWNLOAD_SIGNING_KEY"].encode()
    return hmac.new(key, f"{path}\n{int(expires_at)}".encode(), hashlib.sha256).hexdigest()


def sign_url(path: str, expires_at: int) -> str:
    """Return `path` with expires and signature query parameters; check_url() below checks them."""
    return f"{path}?{urlencode({'expires': int(expires_at), 'signature': _signature(path, expires_at)})}"


def check_url(path: str, expires_at: int, signature: str) -> bool:
    if int(expires_at) < time.time():
        return False
    return hmac.compare_digest(_signature(path, expires_at), str(signature))
