# probe: {"label": "secure", "cwes": ["CWE-532"]}
import logging

logger = logging.getLogger("auth")


def login(username, password, backend):
    logger.info("login attempt user=%s", username)
    ok = backend.verify(username, password)
    if not ok:
        logger.warning("failed login for %s", username)
    return ok
