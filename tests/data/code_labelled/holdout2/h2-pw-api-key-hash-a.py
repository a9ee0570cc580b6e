# redline-label: {"label": "secure", "cwes": ["CWE-916", "CWE-208"], "task": null, "category": "password-storage", "style": "function"}
"""API keys for the partner portal.

Keys are 256-bit random values shown to the partner once. Only a SHA-256 digest is stored: a fast hash is
fine here because the input is a random secret, not a human-chosen password, so it cannot be guessed.
"""
import hashlib
import hmac
import secrets

KEY_PREFIX = "pk_live_"


def new_api_key() -> tuple[str, str]:
    """Return (plaintext key for the partner, digest to store)."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    return key, digest_key(key)


def digest_key(key: str) -> str:
    return hashlib.sha256(key.encode("ascii")).hexdigest()


def key_matches(presented: str, stored_digest: str) -> bool:
    return hmac.compare_digest(digest_key(presented), stored_digest)
