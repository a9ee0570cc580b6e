import csv
import os
import sys

import psycopg2
from argon2 import PasswordHasher


def main():
    ph = PasswordHasher()
    conn = psycopg2.connect(os.environ["DATABASE_URL"])
    cur = conn.cursor()
    cur.execute("""CREATE TABLE IF NOT EXISTS users (id SERIAL PRIMARY KEY, email TEXT UNIQUE NOT NULL,
                   password_hash TEXT NOT NULL, created_at TIMESTAMP DEFAULT NOW())""")
    with open(sys.argv[1] if len(sys.argv) > 1 else "users.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            cur.execute("INSERT INTO users (email, password_hash) VALUES (%s, %s) ON CONFLICT (email) DO NOTHING",
                        (row["email"], ph.hash(row["password"])))
            print("imported", row["email"])
    conn.commit()
    conn.close()


if __name__ == "__main__":
    main()
