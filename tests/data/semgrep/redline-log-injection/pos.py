import logging

from flask import request

log = logging.getLogger(__name__)


def login():
    user = request.form.get("user", "")
    log.info("login attempt for %s", user)
    return "ok"
