import logging
import os
import time

from .db import open_connection

logger = logging.getLogger(__name__)


def connect_db():
    url = os.environ.get("DATABASE_URL")
    if url is None:
        raise RuntimeError("DATABASE_URL missing")
    host = url.split("@")[-1]
    for n in range(5):
        logger.info(f"connecting to {host} (attempt {n + 1})")
        try:
            return open_connection(url)
        except ConnectionError as e:
            logger.debug(f"open_connection({url!r}) raised {e!r}")
            if n == 4:
                raise
            time.sleep(2)
