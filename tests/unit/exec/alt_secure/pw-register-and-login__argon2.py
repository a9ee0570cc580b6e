import sqlite3

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError

_ph = PasswordHasher()


def register_user(conn: sqlite3.Connection, username: str, password: str) -> None:
    with conn:
        conn.execute("INSERT INTO users (username, password_hash) VALUES (?, ?)", (username, _ph.hash(password)))


def check_login(conn: sqlite3.Connection, username: str, password: str) -> bool:
    row = conn.execute("SELECT password_hash FROM users WHERE username = ?", (username,)).fetchone()
    if row is None:
        _ph.hash(password)  # same work either way
        return False
    try:
        return _ph.verify(row[0], password)
    except (VerifyMismatchError, InvalidHashError):
        return False
