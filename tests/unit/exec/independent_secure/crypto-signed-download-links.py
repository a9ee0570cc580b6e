# Independent secure reference for crypto-signed-download-links.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Expiring download links signed with HMAC-SHA256 (key in DOWNLOAD_SIGNING_KEY)."""
import hashlib
import hmac
import os
import time
from urllib.parse import urlencode


def _key() -> bytes:
    key = os.environ.get("DOWNLOAD_SIGNING_KEY")
    if not key:
        raise RuntimeError("DOWNLOAD_SIGNING_KEY is not set")
    return key.encode("utf-8")


def _signature(path: str, expires_at: int) -> str:
    message = f"{path}\n{int(expires_at)}".encode("utf-8")
    return hmac.new(_key(), message, hashlib.sha256).hexdigest()


def sign_url(path: str, expires_at: int) -> str:
    """Return `path` with expires and signature query parameters; check_url() below checks them."""
    query = urlencode({"expires": int(expires_at), "signature": _signature(path, expires_at)})
    return f"{path}?{query}"


def check_url(path: str, expires_at, signature: str) -> bool:
    """True when the signature is genuine for this path and expiry (constant-time check) and it has not expired."""
    try:
        expires = int(expires_at)
    except (TypeError, ValueError):
        return False
    if not isinstance(signature, str) or not signature:
        return False
    if not hmac.compare_digest(_signature(path, expires).encode(), signature.encode()):
        return False
    return time.time() < expires
