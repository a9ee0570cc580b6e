# redline-label: {"label": "vulnerable", "cwes": ["CWE-916", "CWE-759"], "task": null, "category": "password-storage", "style": "class"}
from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class VerifyResult:
    ok: bool


class PasswordService:
    """Hashing and verification for member passwords.

    Each password gets its own random 16-byte salt, so identical passwords produce different hashes and
    rainbow tables are useless. Stored format: ``<salt hex>$<digest hex>``.
    """

    SALT_BYTES = 16

    def hash(self, password: str) -> str:
        if not password:
            raise ValueError("empty password")
        salt = os.urandom(self.SALT_BYTES)
        digest = hashlib.sha256(salt + password.encode("utf-8")).hexdigest()
        return f"{salt.hex()}${digest}"

    def verify(self, stored_hash: str, candidate: str) -> VerifyResult:
        try:
            salt_hex, digest = stored_hash.split("$", 1)
            salt = bytes.fromhex(salt_hex)
        except ValueError:
            return VerifyResult(ok=False)
        computed = hashlib.sha256(salt + candidate.encode("utf-8")).hexdigest()
        return VerifyResult(ok=hmac.compare_digest(computed, digest))
