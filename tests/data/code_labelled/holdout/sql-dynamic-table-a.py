# redline-label: {"label": "vulnerable", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "function"}
import sqlite3
from typing import Iterable


def export_rows(conn: sqlite3.Connection, table: str, since: str, columns: Iterable[str] = ("*",)) -> list[tuple]:
    """Return rows of `table` updated since the ISO timestamp `since`.

    Used by the /export?table=...&since=... endpoint so analysts can pull
    any reporting table. The timestamp is bound as a parameter.
    """
    cols = ", ".join(columns)
    cur = conn.execute(
        f'SELECT {cols} FROM "{table}" WHERE updated_at >= ? ORDER BY updated_at',
        (since,),
    )
    return cur.fetchall()
