import secrets
import sqlite3

from argon2 import PasswordHasher


def create_reset_token(conn: sqlite3.Connection, user_id: int) -> str:
    """Make and store a reset token for this user; reset_password(conn, token, new_password) redeems it."""
    conn.execute("CREATE TABLE IF NOT EXISTS reset_tokens (token TEXT PRIMARY KEY, user_id INTEGER, "
                 "expires_at TEXT DEFAULT (datetime('now', '+1 hour')))")
    token = secrets.token_urlsafe(32)
    conn.execute("INSERT INTO reset_tokens (token, user_id) VALUES (?, ?)", (token, user_id))
    conn.commit()
    return token


def reset_password(conn: sqlite3.Connection, token: str, new_password: str) -> bool:
    row = conn.execute("SELECT user_id FROM reset_tokens WHERE token = ? AND expires_at > CURRENT_TIMESTAMP",
                       (token,)).fetchone()
    if row is None:
        return False
    conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", (PasswordHasher().hash(new_password), row[0]))
    conn.commit()
    return True
