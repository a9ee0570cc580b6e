import hashlib
import secrets
import sqlite3


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_api_key(conn: sqlite3.Connection, owner: str) -> str:
    """Make a new pk_ API key for `owner`, store its SHA-256 digest and return the key."""
    key = "pk_" + secrets.token_hex(16)
    conn.execute("INSERT INTO api_keys (key_hash, owner) VALUES (?, ?)", (_digest(key), owner))
    conn.commit()
    return key


def find_key_owner(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT owner FROM api_keys WHERE key_hash = ?", (_digest(key),)).fetchone()
    return row[0] if row else None
