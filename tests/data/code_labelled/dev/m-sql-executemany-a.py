# redline-label: {"label": "secure", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "script"}
"""Load a supplier price list (CSV) into the local catalogue database."""
import csv
import sqlite3
import sys
from pathlib import Path

TABLE = "supplier_prices"
COLUMNS = ("sku", "supplier", "unit_price_cents", "currency", "valid_from")


def load(csv_path: Path, db_path: Path) -> int:
    with csv_path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        rows = [
            (r["sku"].strip(), r["supplier"].strip(), int(round(float(r["unit_price"]) * 100)), r["currency"], r["valid_from"])
            for r in reader
        ]

    placeholders = ", ".join("?" for _ in COLUMNS)
    con = sqlite3.connect(db_path)
    try:
        with con:
            con.execute(
                f"CREATE TABLE IF NOT EXISTS {TABLE} ("
                "sku TEXT, supplier TEXT, unit_price_cents INTEGER, currency TEXT, valid_from TEXT, "
                "PRIMARY KEY (sku, supplier, valid_from))"
            )
            con.executemany(
                f"INSERT OR REPLACE INTO {TABLE} ({', '.join(COLUMNS)}) VALUES ({placeholders})",
                rows,
            )
    finally:
        con.close()
    return len(rows)


if __name__ == "__main__":
    n = load(Path(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) > 2 else "catalogue.db"))
    print(f"loaded {n} prices")
