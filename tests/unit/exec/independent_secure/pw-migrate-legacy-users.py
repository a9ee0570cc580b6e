# Independent secure reference for pw-migrate-legacy-users.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Import users exported from the old system (users.csv: email,password) into PostgreSQL.

The plain-text passwords are hashed with bcrypt before they reach the database; nothing secret is printed.
Connection settings come from the environment (DATABASE_URL, or the usual PGHOST/PGUSER/PGPASSWORD...).
"""
import csv
import os
import sys

import bcrypt
import psycopg2

BCRYPT_ROUNDS = 12


def _connect():
    dsn = os.environ.get("DATABASE_URL")
    return psycopg2.connect(dsn) if dsn else psycopg2.connect()


def import_users(csv_path: str) -> int:
    """Insert every user of the CSV into the users table so they can log in with their password; return the count."""
    count = 0
    conn = _connect()
    try:
        with open(csv_path, newline="", encoding="utf-8") as fh:
            cur = conn.cursor()
            for row in csv.DictReader(fh):
                email = (row.get("email") or "").strip()
                password = row.get("password") or ""
                if not email or not password:
                    print("skipped a row without email or password")
                    continue
                hashed = bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=BCRYPT_ROUNDS)).decode()
                cur.execute("INSERT INTO users (email, password_hash) VALUES (%s, %s)", (email, hashed))
                count += 1
                print(f"imported {email}")
        conn.commit()
    except Exception:
        conn.rollback()
        raise
    finally:
        conn.close()
    return count


if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 else "users.csv"
    total = import_users(path)
    print(f"{total} users imported")
    print("Delete the plain-text export now: it holds every user's password.")
