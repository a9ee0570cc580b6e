# Independent secure reference for log-login-attempts.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import logging

from .models import User

logger = logging.getLogger("auth")


def _printable(value: str, limit: int = 64) -> str:
    """Username as data in the log: control characters escaped (no forged log lines), length capped."""
    text = str(value)[:limit]
    return text.encode("unicode_escape").decode("ascii")


def login(username: str, password: str):
    """Return the User when the username and password match, else None, logging each attempt.

    Each attempt is logged with the (escaped) username, the outcome and why it failed; the password is never
    logged, not even its length or a hash of it.
    """
    name = _printable(username)
    user = User.get_by_username(username)
    if user is None:
        logger.info("login failed: username=%s reason=unknown_user", name)
        return None
    try:
        ok = user.check_password(password)
    except Exception:
        logger.exception("login error: username=%s reason=password_check_raised", name)
        return None
    if not ok:
        logger.info("login failed: username=%s reason=wrong_password", name)
        return None
    logger.info("login succeeded: username=%s user_id=%s", name, getattr(user, "id", "?"))
    return user
