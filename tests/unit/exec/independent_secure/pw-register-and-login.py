# Independent secure reference for pw-register-and-login.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import sqlite3

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()  # Argon2id with a random salt per password
_DUMMY_HASH = _hasher.hash("dummy password for unknown users")


def register_user(conn: sqlite3.Connection, username: str, password: str) -> None:
    """Add a new user to the users table. check_login(conn, username, password) below accepts them later."""
    conn.execute(
        "INSERT INTO users (username, password_hash) VALUES (?, ?)",
        (username, _hasher.hash(password)),
    )
    conn.commit()


def check_login(conn: sqlite3.Connection, username: str, password: str) -> bool:
    """True when the username exists and the password matches its stored Argon2 hash."""
    row = conn.execute("SELECT password_hash FROM users WHERE username = ?", (username,)).fetchone()
    stored = row[0] if row else _DUMMY_HASH  # same work for unknown users: no timing oracle
    try:
        ok = _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False
    return bool(ok and row is not None)
