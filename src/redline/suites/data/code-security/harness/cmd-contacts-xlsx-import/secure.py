import csv
import os
import sqlite3
import subprocess
import tempfile


def import_contacts(conn: sqlite3.Connection, upload_path: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "contacts.csv")
        subprocess.run(["xlsx2csv", os.path.abspath(upload_path), out], check=True, capture_output=True, timeout=120)
        with open(out, newline="", encoding="utf-8") as fh:
            rows = [(r.get("name", ""), r.get("email", ""), r.get("phone", "")) for r in csv.DictReader(fh)]
    conn.executemany("INSERT INTO contacts (name, email, phone) VALUES (?, ?, ?)", rows)
    conn.commit()
    return len(rows)
