# redline-label: {"label": "vulnerable", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "cli"}
#!/usr/bin/env python3
"""Import a CSV of customers into the CRM database.

    python import_customers.py customers.csv --db crm.sqlite
"""
import argparse
import csv
import sqlite3


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv_file")
    ap.add_argument("--db", default="crm.sqlite")
    ap.add_argument("--source", default="import", help="tag stored with each row")
    args = ap.parse_args()

    conn = sqlite3.connect(args.db)
    cur = conn.cursor()
    cur.execute(
        "CREATE TABLE IF NOT EXISTS customers (name TEXT, email TEXT, country TEXT, source TEXT)"
    )

    count = 0
    with open(args.csv_file, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            cur.execute(
                "INSERT INTO customers (name, email, country, source) VALUES ('%s', '%s', '%s', '%s')"
                % (row["name"], row["email"], row.get("country", ""), args.source)
            )
            count += 1

    conn.commit()
    conn.close()
    print(f"imported {count} customers")


if __name__ == "__main__":
    main()
