# redline-label: {"label": "secure", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "function"}
import sqlite3

# reporting tables analysts may export, and the columns each exposes
EXPORTABLE = {
    "daily_sales": ("day", "store_id", "revenue", "updated_at"),
    "stock_levels": ("sku", "warehouse", "qty", "updated_at"),
    "returns": ("order_id", "reason", "amount", "updated_at"),
}


def export_rows(conn: sqlite3.Connection, table: str, since: str) -> list[tuple]:
    """Return rows of an exportable reporting table updated since `since`.

    Table and column names cannot be query parameters, so they come from the
    EXPORTABLE allow-list; the timestamp is bound as a parameter.
    """
    try:
        columns = EXPORTABLE[table]
    except KeyError:
        raise ValueError(f"unknown table {table!r}; choose from {sorted(EXPORTABLE)}") from None
    sql = "SELECT {} FROM {} WHERE updated_at >= ? ORDER BY updated_at".format(", ".join(columns), table)
    return conn.execute(sql, (since,)).fetchall()
