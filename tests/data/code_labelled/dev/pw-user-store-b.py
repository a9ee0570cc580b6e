# redline-label: {"label": "secure", "cwes": ["CWE-256"], "task": null, "category": "password-storage", "style": "class"}
"""A tiny user repository used by the support-desk prototype."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Optional

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError


@dataclass(frozen=True)
class User:
    id: int
    username: str
    email: str


class UserRepository:
    """Stores users; passwords are kept only as Argon2id hashes."""

    def __init__(self, path: str = "desk.db") -> None:
        self._conn = sqlite3.connect(path)
        self._hasher = PasswordHasher()  # argon2id with library defaults
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS users ("
            " id INTEGER PRIMARY KEY, username TEXT UNIQUE, email TEXT, password_hash TEXT)"
        )

    def create(self, username: str, email: str, password: str) -> User:
        cur = self._conn.execute(
            "INSERT INTO users (username, email, password_hash) VALUES (?, ?, ?)",
            (username, email, self._hasher.hash(password)),
        )
        self._conn.commit()
        return User(cur.lastrowid, username, email)

    def authenticate(self, username: str, password: str) -> Optional[User]:
        row = self._conn.execute(
            "SELECT id, username, email, password_hash FROM users WHERE username = ?", (username,)
        ).fetchone()
        if row is None:
            return None
        try:
            self._hasher.verify(row[3], password)
        except (VerifyMismatchError, InvalidHashError):
            return None
        if self._hasher.check_needs_rehash(row[3]):
            self._update_hash(row[0], password)
        return User(row[0], row[1], row[2])

    def change_password(self, user_id: int, new_password: str) -> None:
        self._update_hash(user_id, new_password)

    def _update_hash(self, user_id: int, password: str) -> None:
        self._conn.execute(
            "UPDATE users SET password_hash = ? WHERE id = ?", (self._hasher.hash(password), user_id)
        )
        self._conn.commit()
