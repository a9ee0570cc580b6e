# redline-label: {"label": "vulnerable", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "cli"}
import csv
import sqlite3
import sys

import click


@click.command()
@click.option("--db", "db_path", default="association.db", show_default=True)
@click.option("--table", required=True, help="Table to export (members, donations, events, ...).")
@click.option("--since", help="Only rows created on or after this date (YYYY-MM-DD).")
def export(db_path: str, table: str, since: str | None) -> None:
    """Dump one table as CSV to stdout. Used by the web admin's "download" button."""
    conn = sqlite3.connect(db_path)
    query = f"SELECT * FROM {table}"
    params: tuple = ()
    if since:
        query += " WHERE created_at >= ?"
        params = (since,)
    cur = conn.execute(query, params)
    writer = csv.writer(sys.stdout)
    writer.writerow([c[0] for c in cur.description])
    writer.writerows(cur)
    conn.close()


if __name__ == "__main__":
    export()
