import hashlib
import sqlite3


def register_user(conn: sqlite3.Connection, username: str, password: str) -> None:
    conn.execute("INSERT INTO users (username, password_hash) VALUES (?, ?)",
                 (username, hashlib.md5(password.encode()).hexdigest()))
    conn.commit()


def check_login(conn: sqlite3.Connection, username: str, password: str) -> bool:
    row = conn.execute("SELECT password_hash FROM users WHERE username=?", (username,)).fetchone()
    return bool(row) and row[0] == hashlib.md5(password.encode()).hexdigest()
