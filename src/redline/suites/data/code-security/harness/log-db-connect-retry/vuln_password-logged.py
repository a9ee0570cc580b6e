import logging
import os
import time

from .db import open_connection

logger = logging.getLogger(__name__)


def connect_db():
    """Open the PostgreSQL connection from DATABASE_URL, retrying while the server starts; log each try."""
    url = os.environ["DATABASE_URL"]
    for attempt in range(1, 6):
        logger.info("attempt %d: connecting to %s", attempt, url)
        try:
            return open_connection(url)
        except ConnectionError as exc:
            logger.warning("attempt %d failed: %s", attempt, exc)
            if attempt == 5:
                raise
            time.sleep(2)
