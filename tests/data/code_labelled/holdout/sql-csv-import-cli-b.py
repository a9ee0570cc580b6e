# redline-label: {"label": "secure", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "cli"}
#!/usr/bin/env python3
"""Import a CSV of customers into the CRM database."""
import argparse
import csv
import sqlite3
import sys
from pathlib import Path

INSERT = "INSERT INTO customers (name, email, country, source) VALUES (?, ?, ?, ?)"


def read_rows(path: Path, source: str):
    with path.open(newline="", encoding="utf-8") as fh:
        for line_no, row in enumerate(csv.DictReader(fh), start=2):
            if not row.get("email"):
                print(f"{path}:{line_no}: skipping row without email", file=sys.stderr)
                continue
            yield (row.get("name", "").strip(), row["email"].strip().lower(), row.get("country", ""), source)


def main() -> int:
    ap = argparse.ArgumentParser(description="Import customers from CSV")
    ap.add_argument("csv_file", type=Path)
    ap.add_argument("--db", default="crm.sqlite")
    ap.add_argument("--source", default="import")
    args = ap.parse_args()

    with sqlite3.connect(args.db) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS customers (name TEXT, email TEXT, country TEXT, source TEXT)")
        rows = list(read_rows(args.csv_file, args.source))
        conn.executemany(INSERT, rows)
    print(f"imported {len(rows)} customers")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
