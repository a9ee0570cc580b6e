import hashlib
import secrets
import sqlite3
import time


def create_reset_token(conn: sqlite3.Connection, user_id: int) -> str:
    """Make and store a reset token for this user; reset_password(conn, token, new_password) redeems it."""
    conn.execute("CREATE TABLE IF NOT EXISTS reset_tokens (token TEXT PRIMARY KEY, user_id INTEGER, expires REAL)")
    token = secrets.token_urlsafe(32)
    conn.execute("INSERT INTO reset_tokens VALUES (?, ?, ?)", (token, user_id, time.time() + 1800))
    conn.commit()
    return token


def reset_password(conn: sqlite3.Connection, token: str, new_password: str) -> bool:
    row = conn.execute("SELECT user_id, expires FROM reset_tokens WHERE token = ?", (token,)).fetchone()
    if row is None or row[1] < time.time():
        return False
    salt = secrets.token_hex(8)
    digest = hashlib.sha256((salt + new_password).encode()).hexdigest()
    conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", (f"{salt}${digest}", row[0]))
    conn.execute("DELETE FROM reset_tokens WHERE token = ?", (token,))
    conn.commit()
    return True
