# redline-label: {"label": "secure", "cwes": ["CWE-330", "CWE-338"], "task": null, "category": "crypto-random", "style": "class"}
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone


@dataclass(frozen=True)
class IssuedKey:
    key_id: str
    secret: str        # shown to the customer once
    secret_hash: str   # what we store


class ApiKeyFactory:
    """Creates API keys of the form `<prefix>_<key id>_<secret>`."""

    def __init__(self, prefix: str = "rk") -> None:
        self.prefix = prefix

    def issue(self) -> IssuedKey:
        key_id = secrets.token_hex(6)
        secret = secrets.token_urlsafe(32)
        full = f"{self.prefix}_{key_id}_{secret}"
        return IssuedKey(key_id=key_id, secret=full, secret_hash=hashlib.sha256(full.encode()).hexdigest())

    @staticmethod
    def describe(key: IssuedKey) -> dict:
        return {"key_id": key.key_id, "created": datetime.now(timezone.utc).isoformat()}


if __name__ == "__main__":
    k = ApiKeyFactory().issue()
    print("give this to the customer:", k.secret)
    print("store:", ApiKeyFactory.describe(k), k.secret_hash)
