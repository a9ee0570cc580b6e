# Independent secure reference for crypto-password-reset-tokens.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Forgot-password backend: single-use, expiring, random reset tokens; only their hashes are stored."""
import hashlib
import secrets
import sqlite3
import time

from werkzeug.security import generate_password_hash

TOKEN_TTL_SECONDS = 30 * 60


def _ensure_table(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS reset_tokens (token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL,"
        " expires_at REAL NOT NULL, used INTEGER NOT NULL DEFAULT 0)"
    )


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_reset_token(conn: sqlite3.Connection, user_id: int) -> str:
    """Make and store a reset token for this user; reset_password(conn, token, new_password) redeems it."""
    _ensure_table(conn)
    token = secrets.token_urlsafe(32)
    conn.execute(
        "INSERT INTO reset_tokens (token_hash, user_id, expires_at, used) VALUES (?, ?, ?, 0)",
        (_hash(token), user_id, time.time() + TOKEN_TTL_SECONDS),
    )
    conn.commit()
    return token


def reset_password(conn: sqlite3.Connection, token: str, new_password: str) -> bool:
    """Set the new password when the token exists, is unused and has not expired; the token is then spent."""
    if not isinstance(token, str) or not token:
        return False
    _ensure_table(conn)
    row = conn.execute(
        "SELECT user_id, expires_at, used FROM reset_tokens WHERE token_hash = ?", (_hash(token),)
    ).fetchone()
    if row is None or row[2] or row[1] < time.time():
        return False
    user_id = row[0]
    conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", (generate_password_hash(new_password), user_id))
    # Spend this token and every other outstanding token of the user.
    conn.execute("UPDATE reset_tokens SET used = 1 WHERE user_id = ?", (user_id,))
    conn.commit()
    return True
