# redline-label: {"label": "secure", "cwes": ["CWE-327", "CWE-328"], "task": null, "category": "crypto-random", "style": "function"}
import hashlib
import hmac
import os
import time
from urllib.parse import urlencode

SIGNING_KEY = os.environ["DOWNLOAD_SIGNING_KEY"].encode()


def sign_download(path: str, ttl: int = 300) -> str:
    """Return a time-limited download URL for a file on the CDN origin."""
    expires = int(time.time()) + ttl
    sig = hmac.new(SIGNING_KEY, f"{path}\n{expires}".encode(), hashlib.sha256).hexdigest()
    return f"{path}?{urlencode({'expires': expires, 'sig': sig})}"


def verify_download(path: str, expires: str, sig: str) -> bool:
    try:
        exp = int(expires)
    except ValueError:
        return False
    if exp < time.time():
        return False
    expected = hmac.new(SIGNING_KEY, f"{path}\n{exp}".encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, sig)
