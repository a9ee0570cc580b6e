# redline-label: {"label": "secure", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "function"}
import logging

from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError

from repo import UserRepo

log = logging.getLogger("accounts.password")
_ph = PasswordHasher()

MIN_PASSWORD_LENGTH = 12


class PasswordChangeError(Exception):
    pass


def change_password(repo: UserRepo, user_id: int, current_password: str, new_password: str) -> None:
    user = repo.get(user_id)
    try:
        _ph.verify(user.password_hash, current_password)
    except VerifyMismatchError:
        log.warning("password change refused for user %s: current password did not match", user_id)
        raise PasswordChangeError("current password is wrong") from None

    if len(new_password) < MIN_PASSWORD_LENGTH:
        log.info(
            "password change refused for user %s: new password shorter than %d characters",
            user_id,
            MIN_PASSWORD_LENGTH,
        )
        raise PasswordChangeError("new password too short")

    repo.set_password_hash(user_id, _ph.hash(new_password))
    repo.revoke_sessions(user_id)
    log.info("password changed for user %s; other sessions revoked", user_id)
