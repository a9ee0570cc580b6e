# redline-label: {"label": "secure", "cwes": ["CWE-798", "CWE-259"], "task": null, "category": "secrets-config", "style": "function"}
import os
from functools import lru_cache

from psycopg2.pool import SimpleConnectionPool


@lru_cache(maxsize=1)
def get_pool(minconn: int = 1, maxconn: int = 10) -> SimpleConnectionPool:
    """Create the shared pool from the environment (DSN injected by the deployment)."""
    dsn = os.environ.get("TELEMETRY_DB_DSN")
    if dsn is None:
        raise RuntimeError("TELEMETRY_DB_DSN must be set")
    return SimpleConnectionPool(minconn, maxconn, dsn=dsn)


def fetch_latest(sensor_id: str):
    pool = get_pool()
    conn = pool.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT ts, value FROM readings WHERE sensor_id = %s ORDER BY ts DESC LIMIT 1",
                (sensor_id,),
            )
            return cur.fetchone()
    finally:
        pool.putconn(conn)
