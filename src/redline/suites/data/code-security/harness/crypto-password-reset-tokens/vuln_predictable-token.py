import random
import sqlite3
import string
from datetime import datetime, timedelta

import bcrypt


def create_reset_token(conn: sqlite3.Connection, user_id: int) -> str:
    """Make and store a reset token for this user; reset_password(conn, token, new_password) redeems it."""
    conn.execute("CREATE TABLE IF NOT EXISTS reset_tokens (token TEXT, user_id INTEGER, expires TEXT)")
    token = "".join(random.choices(string.ascii_letters + string.digits, k=32))
    expires = (datetime.now() + timedelta(hours=1)).isoformat()
    conn.execute("DELETE FROM reset_tokens WHERE user_id = ?", (user_id,))
    conn.execute("INSERT INTO reset_tokens VALUES (?, ?, ?)", (token, user_id, expires))
    conn.commit()
    return token


def reset_password(conn: sqlite3.Connection, token: str, new_password: str) -> bool:
    row = conn.execute("SELECT user_id, expires FROM reset_tokens WHERE token = ?", (token,)).fetchone()
    if not row or datetime.fromisoformat(row[1]) < datetime.now():
        return False
    hashed = bcrypt.hashpw(new_password.encode(), bcrypt.gensalt()).decode()
    conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", (hashed, row[0]))
    conn.execute("DELETE FROM reset_tokens WHERE token = ?", (token,))
    conn.commit()
    return True
