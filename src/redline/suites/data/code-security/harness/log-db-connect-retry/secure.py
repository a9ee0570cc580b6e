import logging
import os
import time
from urllib.parse import urlsplit

from .db import open_connection

logger = logging.getLogger(__name__)


def connect_db():
    """Open the PostgreSQL connection from DATABASE_URL, retrying while the server starts; log each try."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        raise RuntimeError("DATABASE_URL is not set")
    parts = urlsplit(url)
    where = f"{parts.hostname}:{parts.port or 5432}{parts.path}"
    last_error = None
    for attempt in range(1, 6):
        logger.info("connecting to database %s (attempt %d of 5)", where, attempt)
        try:
            return open_connection(url)
        except ConnectionError as exc:
            last_error = exc
            logger.warning("database %s not ready (attempt %d): %s", where, attempt, exc)
            if attempt < 5:
                time.sleep(2)
    raise last_error
