import csv
import os
import sqlite3
import subprocess


def import_contacts(conn: sqlite3.Connection, upload_path: str) -> int:
    out = upload_path + ".csv"
    subprocess.run(["xlsx2csv", upload_path, out], check=True)
    count = 0
    with open(out, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            conn.execute(f"INSERT INTO contacts (name, email, phone) VALUES "
                         f"('{row['name']}', '{row['email']}', '{row['phone']}')")
            count += 1
    conn.commit()
    os.remove(out)
    return count
