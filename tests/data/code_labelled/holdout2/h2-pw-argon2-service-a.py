# redline-label: {"label": "secure", "cwes": ["CWE-916", "CWE-759"], "task": null, "category": "password-storage", "style": "class"}
from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    new_hash: str | None = None  # set when the stored hash should be upgraded


class PasswordService:
    """Hashing and verification for member passwords.

    Argon2id with the library defaults (RFC 9106 low-memory profile); parameters can be raised later and
    old hashes are upgraded transparently on the next successful login.
    """

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self._ph = hasher or PasswordHasher()

    def hash(self, password: str) -> str:
        if not password:
            raise ValueError("empty password")
        return self._ph.hash(password)

    def verify(self, stored_hash: str, candidate: str) -> VerifyResult:
        try:
            self._ph.verify(stored_hash, candidate)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return VerifyResult(ok=False)
        if self._ph.check_needs_rehash(stored_hash):
            return VerifyResult(ok=True, new_hash=self._ph.hash(candidate))
        return VerifyResult(ok=True)
