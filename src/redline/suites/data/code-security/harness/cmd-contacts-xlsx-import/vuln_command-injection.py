import csv
import os
import sqlite3
import subprocess


def import_contacts(conn: sqlite3.Connection, upload_path: str) -> int:
    out = os.path.splitext(upload_path)[0] + ".csv"
    result = subprocess.run(f'xlsx2csv "{upload_path}" "{out}"', shell=True)
    if result.returncode != 0:
        raise RuntimeError("conversion failed")
    count = 0
    with open(out, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            conn.execute("INSERT INTO contacts (name, email, phone) VALUES (?, ?, ?)",
                         (row["name"], row["email"], row["phone"]))
            count += 1
    conn.commit()
    return count
