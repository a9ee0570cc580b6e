import sqlite3

from werkzeug.security import check_password_hash, generate_password_hash


def register_user(conn: sqlite3.Connection, username: str, password: str) -> None:
    conn.execute("INSERT INTO users (username, password_hash) VALUES (?, ?)",
                 (username, generate_password_hash(password)))
    conn.commit()


def check_login(conn: sqlite3.Connection, username: str, password: str) -> bool:
    row = conn.execute("SELECT password_hash FROM users WHERE username = ?", (username,)).fetchone()
    return row is not None and check_password_hash(row[0], password)
