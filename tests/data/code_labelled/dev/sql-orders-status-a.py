# redline-label: {"label": "vulnerable", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "function"}
import os

import psycopg2
import psycopg2.extras


def get_connection():
    return psycopg2.connect(os.environ["DATABASE_URL"])


def orders_by_status(status, customer_id=None, limit=100):
    """Fetch orders with the given status, newest first.

    Args:
        status: one of 'pending', 'shipped', 'cancelled' (as sent by the UI)
        customer_id: optional customer filter
        limit: maximum number of rows
    """
    sql = "SELECT id, customer_id, total, created_at FROM orders WHERE status = '%s'" % status
    if customer_id is not None:
        sql += " AND customer_id = %s" % customer_id
    sql += " ORDER BY created_at DESC LIMIT %d" % int(limit)

    with get_connection() as conn:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(sql)
            return cur.fetchall()
