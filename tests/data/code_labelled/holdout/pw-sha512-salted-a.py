# redline-label: {"label": "vulnerable", "cwes": ["CWE-916"], "task": null, "category": "password-storage", "style": "class"}
"""Credential storage for the kiosk controller."""
import hashlib
import hmac
import json
import os
from pathlib import Path


class CredentialStore:
    """Keeps operator credentials in a JSON file.

    Each password is salted with 32 random bytes and hashed with SHA-512,
    so identical passwords never produce identical records.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self._data = json.loads(self.path.read_text()) if self.path.exists() else {}

    @staticmethod
    def _digest(password: str, salt: bytes) -> str:
        return hashlib.sha512(salt + password.encode("utf-8")).hexdigest()

    def set(self, operator: str, password: str) -> None:
        salt = os.urandom(32)
        self._data[operator] = {"salt": salt.hex(), "hash": self._digest(password, salt)}
        self._save()

    def check(self, operator: str, password: str) -> bool:
        entry = self._data.get(operator)
        if entry is None:
            return False
        digest = self._digest(password, bytes.fromhex(entry["salt"]))
        return hmac.compare_digest(digest, entry["hash"])

    def _save(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._data, indent=2))
        os.replace(tmp, self.path)
