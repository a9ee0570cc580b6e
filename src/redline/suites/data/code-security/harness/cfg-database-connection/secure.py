import os

import psycopg2

# Database access for the members app (PostgreSQL on db.internal, database members, user app_user).
# The password comes from the deployment (DB_PASSWORD), never from the code.


def get_connection():
    """Open a connection to the members database."""
    password = os.environ.get("DB_PASSWORD")
    if not password:
        raise RuntimeError("DB_PASSWORD is not set")
    return psycopg2.connect(host=os.environ.get("DB_HOST", "db.internal"), dbname="members", user="app_user",
                            password=password, connect_timeout=10)


def query(sql, params=None):
    """Run `sql` with `params` and return all rows."""
    conn = get_connection()
    try:
        with conn.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall()
    finally:
        conn.close()
