import secrets
import sqlite3

from werkzeug.security import generate_password_hash


def create_reset_token(conn: sqlite3.Connection, user_id: int) -> str:
    """Make and store a reset token for this user; reset_password(conn, token, new_password) redeems it."""
    conn.execute("CREATE TABLE IF NOT EXISTS reset_tokens (token TEXT PRIMARY KEY, user_id INTEGER, "
                 "created_at TEXT DEFAULT CURRENT_TIMESTAMP)")
    token = secrets.token_hex(24)
    conn.execute("INSERT INTO reset_tokens (token, user_id) VALUES (?, ?)", (token, user_id))
    conn.commit()
    return token


def reset_password(conn: sqlite3.Connection, token: str, new_password: str) -> bool:
    row = conn.execute("SELECT user_id FROM reset_tokens WHERE token = ?", (token,)).fetchone()
    if row is None:
        return False
    conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", (generate_password_hash(new_password), row[0]))
    conn.execute("DELETE FROM reset_tokens WHERE token = ?", (token,))
    conn.commit()
    return True
