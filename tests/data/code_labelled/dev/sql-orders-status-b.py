# redline-label: {"label": "secure", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "function"}
import os
from typing import Any, Optional

import psycopg2
import psycopg2.extras


def get_connection():
    return psycopg2.connect(os.environ["DATABASE_URL"])


def orders_by_status(status: str, customer_id: Optional[int] = None, limit: int = 100) -> list[dict[str, Any]]:
    """Fetch orders with the given status, newest first."""
    sql = "SELECT id, customer_id, total, created_at FROM orders WHERE status = %s"
    params: list[Any] = [status]
    if customer_id is not None:
        sql += " AND customer_id = %s"
        params.append(customer_id)
    sql += " ORDER BY created_at DESC LIMIT %s"
    params.append(min(int(limit), 500))

    with get_connection() as conn:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(sql, params)
            return cur.fetchall()
