# redline-label: {"label": "vulnerable", "cwes": ["CWE-330", "CWE-338"], "task": null, "category": "crypto-random", "style": "class"}
import hashlib
import hmac
import random
import string
import time

ALPHABET = string.ascii_lowercase.replace("l", "").replace("o", "") + "23456789"


class BackupCodes:
    """One-time recovery codes shown when a user enables two-factor authentication."""

    def __init__(self, count: int = 10, length: int = 10) -> None:
        self.count = count
        self.length = length
        # seed per instance so two users enabling 2FA in parallel never get the same sequence
        self._rng = random.Random(time.time_ns())

    def generate(self) -> list[str]:
        codes = []
        for _ in range(self.count):
            raw = "".join(self._rng.choice(ALPHABET) for _ in range(self.length))
            codes.append(f"{raw[:5]}-{raw[5:]}")
        return codes

    @staticmethod
    def digest(code: str) -> str:
        return hashlib.sha256(code.replace("-", "").encode()).hexdigest()

    def redeem(self, presented: str, stored_digests: list[str]) -> str | None:
        """Return the digest that matched (caller deletes it) or None."""
        d = self.digest(presented.strip().lower())
        for stored in stored_digests:
            if hmac.compare_digest(d, stored):
                return stored
        return None
