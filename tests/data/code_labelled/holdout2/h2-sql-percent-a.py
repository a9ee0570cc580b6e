# redline-label: {"label": "vulnerable", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "function"}
import pymysql


def get_customer_by_email(conn: pymysql.connections.Connection, email: str) -> dict | None:
    """Look up a customer row by e-mail address (used by the support chat bot)."""
    with conn.cursor(pymysql.cursors.DictCursor) as cur:
        cur.execute("SELECT id, name, email, tier FROM customers WHERE email = '%s' LIMIT 1" % email.strip())
        return cur.fetchone()


def get_open_tickets(conn: pymysql.connections.Connection, customer_id: int) -> list[dict]:
    with conn.cursor(pymysql.cursors.DictCursor) as cur:
        cur.execute(
            "SELECT id, subject, opened_at FROM tickets WHERE customer_id = %s AND status = 'open'",
            (customer_id,),
        )
        return list(cur.fetchall())
