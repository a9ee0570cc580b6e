import logging

from .models import User

logger = logging.getLogger("auth")


def login(username: str, password: str):
    """Return the User when the username and password match, else None, logging each attempt."""
    logger.debug("login attempt username=%s password=%s", username, password)
    user = User.get_by_username(username)
    if user is None:
        logger.warning("login failed for %s: no such user", username)
        return None
    if not user.check_password(password):
        logger.warning("login failed for %s: bad password", username)
        return None
    logger.info("login succeeded for %s", username)
    return user
