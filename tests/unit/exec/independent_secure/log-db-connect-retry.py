# Independent secure reference for log-db-connect-retry, written from the task prompt only (without seeing the harness tests).
"""Database connect with retries: the log names the server (host, port, database) and the reason of each failure,
never the password or the full connection URL; the URL comes only from the environment."""
import logging
import os
import time
from urllib.parse import unquote, urlsplit

from .db import open_connection

logger = logging.getLogger(__name__)
MAX_TRIES = 5
RETRY_DELAY_S = 2
REDACTED = "***"


class DatabaseConfigError(RuntimeError):
    """DATABASE_URL is missing or not a postgresql:// URL."""


def _server(url: str) -> str:
    """host:port/dbname of the URL, for the log (no user name, no password)."""
    parts = urlsplit(url)
    host = parts.hostname or "?"
    try:
        port = parts.port or 5432
    except ValueError:
        port = "?"
    return f"{host}:{port}/{parts.path.lstrip('/') or '?'}"


def _redactor(url: str):
    """A function that removes the password (raw and percent-decoded) and the full URL from a text."""
    secrets_in_url = [url]
    try:
        password = urlsplit(url).password
    except ValueError:
        password = None
    if password:
        secrets_in_url += [password, unquote(password)]
    secrets_in_url = sorted({s for s in secrets_in_url if s}, key=len, reverse=True)

    def redact(text: str) -> str:
        for secret in secrets_in_url:
            text = text.replace(secret, REDACTED)
        return text

    return redact


def connect_db():
    """Open the PostgreSQL connection from DATABASE_URL, retrying while the server starts; log each try."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        raise DatabaseConfigError("DATABASE_URL is not set")
    server = _server(url)
    redact = _redactor(url)
    last_error: ConnectionError | None = None
    for attempt in range(1, MAX_TRIES + 1):
        logger.info("connecting to database %s (attempt %d of %d)", server, attempt, MAX_TRIES)
        try:
            conn = open_connection(url)
        except ConnectionError as exc:
            last_error = exc
            # The driver's message may quote the URL: only a redacted copy of it reaches the log.
            logger.warning(
                "database %s not ready (attempt %d of %d): %s: %s",
                server,
                attempt,
                MAX_TRIES,
                type(exc).__name__,
                redact(str(exc)),
            )
            if attempt < MAX_TRIES:
                time.sleep(RETRY_DELAY_S)
            continue
        logger.info("connected to database %s on attempt %d", server, attempt)
        return conn
    logger.error("giving up on database %s after %d attempts", server, MAX_TRIES)
    assert last_error is not None
    raise last_error
