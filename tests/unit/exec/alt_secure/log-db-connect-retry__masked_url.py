import logging
import os
import re
import time

from .db import open_connection

log = logging.getLogger(__name__)
logging.basicConfig(level=logging.INFO)


def connect_db():
    url = os.environ["DATABASE_URL"]
    shown = re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)
    error = None
    for attempt in range(5):
        if attempt:
            time.sleep(2)
        log.info("Connecting to %s (try %s)", shown, attempt + 1)
        try:
            conn = open_connection(url)
        except ConnectionError as exc:
            error = exc
            log.error("Connection to %s failed: %s", shown, exc)
        else:
            log.info("Connected to %s", shown)
            return conn
    raise error
