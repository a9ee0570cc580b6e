import os

import psycopg2
import psycopg2.extras

# Database access for the members app (PostgreSQL on db.internal, database members, user app_user).
# The password is not in the code: libpq reads PGPASSWORD (or ~/.pgpass) itself.


def get_connection():
    """Open a connection to the members database."""
    return psycopg2.connect(host=os.getenv("PGHOST", "db.internal"), dbname="members", user="app_user")


def query(sql, params=None):
    with get_connection() as conn, conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(sql, params)
        return cur.fetchall()
