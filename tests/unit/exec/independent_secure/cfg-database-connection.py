# Independent secure reference for cfg-database-connection.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Database access for the members app (PostgreSQL on db.internal, database members, user app_user).

The password is never in the code: it comes from the DB_PASSWORD environment variable (or libpq's PGPASSWORD /
~/.pgpass when DB_PASSWORD is not set). Host, database and user may be overridden the same way.
"""
import os

import psycopg2


def get_connection():
    """Open a connection to the members database."""
    params = {
        "host": os.environ.get("DB_HOST", "db.internal"),
        "dbname": os.environ.get("DB_NAME", "members"),
        "user": os.environ.get("DB_USER", "app_user"),
        "connect_timeout": 10,
    }
    password = os.environ.get("DB_PASSWORD")
    if password:
        params["password"] = password
    if os.environ.get("DB_SSLMODE"):
        params["sslmode"] = os.environ["DB_SSLMODE"]
    return psycopg2.connect(**params)


def query(sql: str, params=None) -> list:
    """Run `sql` with bound `params` (never format values into `sql`) and return all rows."""
    conn = get_connection()
    try:
        cur = conn.cursor()
        cur.execute(sql, params)
        rows = cur.fetchall()
        conn.commit()
        return rows
    finally:
        conn.close()
