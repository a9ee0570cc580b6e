# redline-label: {"label": "secure", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "function"}
from datetime import date

from sqlalchemy import Column, Date, Integer, MetaData, Numeric, String, Table, and_, func, select
from sqlalchemy.engine import Engine

metadata = MetaData()

invoices = Table(
    "invoices",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("customer", String(120), nullable=False),
    Column("status", String(20), nullable=False),
    Column("issued_on", Date, nullable=False),
    Column("total", Numeric(12, 2), nullable=False),
)


def invoice_totals(engine: Engine, customer: str, status: str, since: date) -> list[dict]:
    """Monthly invoice totals for one customer, optionally filtered by status."""
    month = func.date_trunc("month", invoices.c.issued_on).label("month")
    conditions = [invoices.c.customer == customer, invoices.c.issued_on >= since]
    if status != "any":
        conditions.append(invoices.c.status == status)
    stmt = (
        select(month, func.count().label("n"), func.sum(invoices.c.total).label("total"))
        .where(and_(*conditions))
        .group_by(month)
        .order_by(month)
    )
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(stmt).mappings()]
