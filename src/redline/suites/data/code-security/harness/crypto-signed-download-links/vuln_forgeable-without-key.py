import hashlib
import hmac
import time
from urllib.parse import urlencode

SECRET_KEY = b"file-server-signing-secret"


def sign_url(path: str, expires_at: int) -> str:
    """Return `path` with expires and signature query parameters; check_url() below checks them."""
    sig = hmac.new(SECRET_KEY, f"{path}:{expires_at}".encode(), hashlib.sha256).hexdigest()
    return path + "?" + urlencode({"expires": expires_at, "signature": sig})


def check_url(path: str, expires_at: int, signature: str) -> bool:
    if time.time() > expires_at:
        return False
    expected = hmac.new(SECRET_KEY, f"{path}:{expires_at}".encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)
