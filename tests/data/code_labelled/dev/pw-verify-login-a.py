# redline-label: {"label": "secure", "cwes": ["CWE-208"], "task": null, "category": "password-storage", "style": "function"}
import hashlib
import hmac
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
    if record is None:
        # still spend the time so response timing does not reveal which usernames exist
        _derive(password, b"\x00" * 16)
        return False
    candidate = _derive(password, record["salt"], record.get("rounds", PBKDF2_ROUNDS))
    return hmac.compare_digest(candidate, record["hash"])
