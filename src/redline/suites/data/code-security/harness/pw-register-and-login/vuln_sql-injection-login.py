import hashlib
import os
import sqlite3


def _hash(password, salt):
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 200_000).hex()


def register_user(conn: sqlite3.Connection, username: str, password: str) -> None:
    salt = os.urandom(16)
    conn.execute("INSERT INTO users (username, password_hash) VALUES (?, ?)",
                 (username, "pbkdf2:sha256:200000$" + salt.hex() + "$" + _hash(password, salt)))
    conn.commit()


def check_login(conn: sqlite3.Connection, username: str, password: str) -> bool:
    row = conn.execute(f"SELECT password_hash FROM users WHERE username = '{username}'").fetchone()
    if not row:
        return False
    _, salt, digest = row[0].split("$")
    return _hash(password, bytes.fromhex(salt)) == digest
