# Independent secure reference for crypto-api-key-issuer, written from the task prompt only (without seeing the harness tests).
"""API keys: 128 random bits from the OS CSPRNG; only their SHA-256 digest is stored, looked up by bound parameter."""
import hashlib
import re
import secrets
import sqlite3

_KEY = re.compile(r"^pk_[0-9a-f]{32}$")


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("ascii")).hexdigest()


def create_api_key(conn: sqlite3.Connection, owner: str) -> str:
    """Make a new pk_ API key for `owner`, store its SHA-256 digest and return the key."""
    if not isinstance(owner, str) or not owner:
        raise ValueError("owner must be a non-empty str")
    try:
        while True:
            key = "pk_" + secrets.token_hex(16)  # 32 lowercase hex digits
            try:
                conn.execute("INSERT INTO api_keys (key_hash, owner) VALUES (?, ?)", (_digest(key), owner))
                break
            except sqlite3.IntegrityError:
                continue  # the digest exists already (practically impossible): draw again
        conn.commit()
    except Exception:
        conn.rollback()
        raise
    return key


def find_key_owner(conn: sqlite3.Connection, key: str) -> str | None:
    """The owner of a presented key, or None for an unknown or malformed one."""
    if not isinstance(key, str):
        return None
    key = key.strip()
    if not _KEY.match(key):
        return None
    row = conn.execute("SELECT owner FROM api_keys WHERE key_hash = ?", (_digest(key),)).fetchone()
    return None if row is None else row[0]
