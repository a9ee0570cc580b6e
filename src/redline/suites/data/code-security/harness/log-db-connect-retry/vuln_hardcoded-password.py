import logging
import os
import time
from urllib.parse import urlsplit

from .db import open_connection

logger = logging.getLogger(__name__)

DEFAULT_URL = "postgresql://billing:Billing2024!@localhost:5432/billing"


def connect_db():
    """Open the PostgreSQL connection from DATABASE_URL, retrying while the server starts; log each try."""
    url = os.getenv("DATABASE_URL", DEFAULT_URL)
    host = urlsplit(url).hostname
    for attempt in range(1, 6):
        logger.info("connecting to %s, try %d/5", host, attempt)
        try:
            return open_connection(url)
        except ConnectionError as exc:
            logger.warning("try %d failed: %s", attempt, exc)
            if attempt == 5:
                raise
            time.sleep(2)
