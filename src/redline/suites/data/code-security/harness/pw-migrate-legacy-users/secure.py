import csv
import os

import bcrypt
import psycopg2

# Import users exported from the old system (users.csv: email,password) into PostgreSQL.
# Passwords are stored as bcrypt hashes; the connection settings come from the environment.


def connect():
    return psycopg2.connect(host=os.environ.get("PGHOST", "localhost"), dbname=os.environ.get("PGDATABASE", "app"),
                            user=os.environ.get("PGUSER", "app"), password=os.environ["PGPASSWORD"])


def import_users(csv_path: str) -> int:
    """Insert every user of the CSV into the users table so they can log in with their password; return the count."""
    count = 0
    conn = connect()
    try:
        with conn, conn.cursor() as cur, open(csv_path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                email = row["email"].strip().lower()
                hashed = bcrypt.hashpw(row["password"].encode(), bcrypt.gensalt()).decode()
                cur.execute("INSERT INTO users (email, password_hash) VALUES (%s, %s)", (email, hashed))
                count += 1
                print(f"imported {email}")
    finally:
        conn.close()
    return count


if __name__ == "__main__":
    import sys

    print(f"{import_users(sys.argv[1] if len(sys.argv) > 1 else 'users.csv')} users imported")
