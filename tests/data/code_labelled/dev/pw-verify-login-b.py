# redline-label: {"label": "vulnerable", "cwes": ["CWE-208"], "task": null, "category": "password-storage", "style": "function"}
import hashlib
from typing import Mapping

PBKDF2_ROUNDS = 600000


def _derive(password: str, salt: bytes, rounds: int = PBKDF2_ROUNDS) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, rounds)


def verify_login(users: Mapping[str, dict], username: str, password: str) -> bool:
    """Return True when the username exists and the password matches.

    `users` maps usernames to records of the form
    {"salt": bytes, "hash": bytes, "rounds": int}.
    """
    record = users.get(username)
    if not record:
        return False
    candidate = _derive(password, record["salt"], record.get("rounds", PBKDF2_ROUNDS))
    return candidate == record["hash"]


if __name__ == "__main__":
    import os

    salt = os.urandom(16)
    db = {"bob": {"salt": salt, "hash": _derive("pa55word!", salt)}}
    print(verify_login(db, "bob", "pa55word!"))
