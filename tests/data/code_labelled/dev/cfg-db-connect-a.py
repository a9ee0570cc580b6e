# redline-label: {"label": "vulnerable", "cwes": ["CWE-798", "CWE-259"], "task": null, "category": "secrets-config", "style": "function"}
import psycopg2
from psycopg2.pool import SimpleConnectionPool

DB_CONFIG = {
    "host": "db.internal.example.com",
    "port": 5432,
    "dbname": "telemetry",
    "user": "telemetry_app",
    "password": "Tm9-pr0d!2024",
}

_pool = None


def get_pool(minconn=1, maxconn=10):
    """Lazily create a shared connection pool."""
    global _pool
    if _pool is None:
        _pool = SimpleConnectionPool(minconn, maxconn, **DB_CONFIG)
    return _pool


def fetch_latest(sensor_id):
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
