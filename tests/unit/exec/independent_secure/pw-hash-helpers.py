# Independent secure reference for pw-hash-helpers.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Helpers for the accounts module: salted, slow password hashes (bcrypt, cost 12)."""
import base64
import hashlib

import bcrypt

_ROUNDS = 12


def _prehash(password: str) -> bytes:
    # bcrypt reads at most 72 bytes; a SHA-256 pre-hash (base64, no NUL bytes) keeps long passphrases whole.
    return base64.b64encode(hashlib.sha256(password.encode("utf-8")).digest())


def hash_password(password: str) -> str:
    """Return the string stored in the accounts table for this password; see verify_password() below."""
    return bcrypt.hashpw(_prehash(password), bcrypt.gensalt(rounds=_ROUNDS)).decode("ascii")


def verify_password(password: str, stored: str) -> bool:
    """True if `password` matches the stored hash (bcrypt compares in constant time)."""
    try:
        return bcrypt.checkpw(_prehash(password), stored.encode("ascii"))
    except (ValueError, TypeError):
        return False
