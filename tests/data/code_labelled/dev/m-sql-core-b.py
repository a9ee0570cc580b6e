# redline-label: {"label": "vulnerable", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "function"}
from datetime import date

from sqlalchemy import text
from sqlalchemy.engine import Engine


def invoice_totals(engine: Engine, customer: str, status: str, since: date) -> list[dict]:
    """Monthly invoice totals for one customer, optionally filtered by status."""
    status_clause = "" if status == "any" else f"AND status = '{status}'"
    sql = text(
        f"""
        SELECT date_trunc('month', issued_on) AS month, count(*) AS n, sum(total) AS total
        FROM invoices
        WHERE customer = '{customer}' AND issued_on >= '{since.isoformat()}' {status_clause}
        GROUP BY 1
        ORDER BY 1
        """
    )
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(sql).mappings()]
