# redline-label: {"label": "vulnerable", "cwes": ["CWE-256"], "task": null, "category": "password-storage", "style": "class"}
"""A tiny user repository used by the support-desk prototype."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Optional


@dataclass
class User:
    id: int
    username: str
    email: str


class UserRepository:
    def __init__(self, path: str = "desk.db") -> None:
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS users ("
            " id INTEGER PRIMARY KEY,"
            " username TEXT UNIQUE,"
            " email TEXT,"
            " password TEXT)"
        )

    def create(self, username: str, email: str, password: str) -> User:
        cur = self.conn.execute(
            "INSERT INTO users (username, email, password) VALUES (?, ?, ?)",
            (username, email, password),
        )
        self.conn.commit()
        return User(cur.lastrowid, username, email)

    def authenticate(self, username: str, password: str) -> Optional[User]:
        row = self.conn.execute(
            "SELECT id, username, email FROM users WHERE username = ? AND password = ?",
            (username, password),
        ).fetchone()
        return User(*row) if row else None

    def change_password(self, user_id: int, new_password: str) -> None:
        self.conn.execute("UPDATE users SET password = ? WHERE id = ?", (new_password, user_id))
        self.conn.commit()


if __name__ == "__main__":
    repo = UserRepository(":memory:")
    repo.create("alice", "alice@example.org", "s3cure-Passw0rd")
    print(repo.authenticate("alice", "s3cure-Passw0rd"))
