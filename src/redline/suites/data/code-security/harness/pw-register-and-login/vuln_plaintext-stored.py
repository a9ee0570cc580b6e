import sqlite3


def register_user(conn: sqlite3.Connection, username: str, password: str) -> None:
    conn.execute("INSERT INTO users (username, password_hash) VALUES (?, ?)", (username, password))
    conn.commit()


def check_login(conn: sqlite3.Connection, username: str, password: str) -> bool:
    cur = conn.execute("SELECT 1 FROM users WHERE username = ? AND password_hash = ?", (username, password))
    return cur.fetchone() is not None
