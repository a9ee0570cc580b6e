# redline-label: {"label": "vulnerable", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "class"}
import logging

import bcrypt

logger = logging.getLogger("accounts")


class AccountService:
    """Registration and authentication on top of a user repository."""

    def __init__(self, repo):
        self.repo = repo

    def register(self, email: str, password: str) -> int:
        pw_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=12))
        user_id = self.repo.insert(email=email.lower(), password_hash=pw_hash)
        logger.info("registered user %s (%s)", user_id, email)
        return user_id

    def authenticate(self, email: str, password: str):
        user = self.repo.by_email(email.lower())
        if user is None:
            logger.info("login for unknown email %s", email)
            return None
        if not bcrypt.checkpw(password.encode(), user.password_hash):
            # helps support staff when users report they "typed the right password"
            logger.warning("bad password for %s: got %r", email, password)
            return None
        return user
