# redline-label: {"label": "secure", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "function"}
import hashlib
import logging
import secrets
from datetime import datetime, timedelta, timezone

log = logging.getLogger("tokens")


def fingerprint(token: str) -> str:
    """Short, non-reversible identifier that lets us correlate a token in the logs."""
    return hashlib.sha256(token.encode()).hexdigest()[:12]


def issue_device_token(store, device_id: str, ttl_days: int = 30) -> str:
    token = secrets.token_urlsafe(32)
    expires = datetime.now(timezone.utc) + timedelta(days=ttl_days)
    store.save(device_id=device_id, token_hash=hashlib.sha256(token.encode()).hexdigest(), expires=expires)
    log.info("issued token fp=%s for device %s, expires %s", fingerprint(token), device_id, expires.date())
    return token


def revoke_device_token(store, token: str) -> None:
    store.delete(token_hash=hashlib.sha256(token.encode()).hexdigest())
    log.info("revoked token fp=%s", fingerprint(token))
