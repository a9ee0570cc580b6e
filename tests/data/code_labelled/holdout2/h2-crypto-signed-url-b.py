# redline-label: {"label": "vulnerable", "cwes": ["CWE-327", "CWE-328"], "task": null, "category": "crypto-random", "style": "function"}
import hashlib
import hmac
import os
import time
from urllib.parse import urlencode

SIGNING_KEY = os.environ["DOWNLOAD_SIGNING_KEY"]


def _signature(path: str, expires: int) -> str:
    return hashlib.md5(f"{SIGNING_KEY}{path}{expires}".encode()).hexdigest()


def sign_download(path: str, ttl: int = 300) -> str:
    """Return a time-limited download URL for a file on the CDN origin."""
    expires = int(time.time()) + ttl
    return f"{path}?{urlencode({'expires': expires, 'sig': _signature(path, expires)})}"


def verify_download(path: str, expires: str, sig: str) -> bool:
    try:
        exp = int(expires)
    except ValueError:
        return False
    if exp < time.time():
        return False
    return hmac.compare_digest(_signature(path, exp), sig)
