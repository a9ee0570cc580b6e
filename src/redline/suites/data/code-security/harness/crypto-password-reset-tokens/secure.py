import hashlib
import secrets
import sqlite3
import time

from werkzeug.security import generate_password_hash

TOKEN_LIFETIME = 3600


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_reset_token(conn: sqlite3.Connection, user_id: int) -> str:
    """Make and store a reset token for this user; reset_password(conn, token, new_password) redeems it."""
    conn.execute("CREATE TABLE IF NOT EXISTS reset_tokens (token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL, "
                 "expires_at REAL NOT NULL, used INTEGER NOT NULL DEFAULT 0)")
    token = secrets.token_urlsafe(32)
    conn.execute("INSERT INTO reset_tokens (token_hash, user_id, expires_at) VALUES (?, ?, ?)",
                 (_digest(token), user_id, time.time() + TOKEN_LIFETIME))
    conn.commit()
    return token


def reset_password(conn: sqlite3.Connection, token: str, new_password: str) -> bool:
    conn.execute("CREATE TABLE IF NOT EXISTS reset_tokens (token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL, "
                 "expires_at REAL NOT NULL, used INTEGER NOT NULL DEFAULT 0)")
    row = conn.execute("SELECT user_id, expires_at, used FROM reset_tokens WHERE token_hash = ?",
                       (_digest(token),)).fetchone()
    if row is None or row[2] or row[1] < time.time():
        return False
    conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", (generate_password_hash(new_password), row[0]))
    conn.execute("UPDATE reset_tokens SET used = 1 WHERE token_hash = ?", (_digest(token),))
    conn.commit()
    return True
