import logging

from .models import User

logger = logging.getLogger("auth")


def login(username: str, password: str):
    """Return the User when the username and password match, else None, logging each attempt."""
    user = User.get_by_username(username)
    if user is None:
        logger.info("login failed: unknown user %r", username)
        return None
    if not user.check_password(password):
        logger.info("login failed: wrong password for %r (user id %s, password length %d)", username, user.id,
                    len(password))
        return None
    logger.info("login ok: %r (user id %s)", username, user.id)
    return user
