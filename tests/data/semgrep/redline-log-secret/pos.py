import logging
log = logging.getLogger(__name__)
def login(username, password):
    log.info("login attempt %s %s", username, password)
