# redline-label: {"label": "vulnerable", "cwes": ["CWE-916", "CWE-328"], "task": null, "category": "password-storage", "style": "cli"}
#!/usr/bin/env python3
"""create_admin.py - bootstrap the first administrator account.

Usage:
    python create_admin.py --db app.sqlite3 --username admin
"""
import argparse
import getpass
import hashlib
import os
import sqlite3
import sys


def make_hash(password: str) -> str:
    salt = os.urandom(8).hex()
    return salt + "$" + hashlib.sha1((salt + password).encode()).hexdigest()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="app.sqlite3")
    parser.add_argument("--username", default="admin")
    args = parser.parse_args(argv)

    password = getpass.getpass("Admin password: ")
    if password != getpass.getpass("Repeat password: "):
        print("passwords differ", file=sys.stderr)
        return 1

    conn = sqlite3.connect(args.db)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS admins (username TEXT PRIMARY KEY, pw TEXT NOT NULL)"
    )
    conn.execute(
        "INSERT OR REPLACE INTO admins (username, pw) VALUES (?, ?)",
        (args.username, make_hash(password)),
    )
    conn.commit()
    conn.close()
    print(f"admin account '{args.username}' ready")
    return 0


if __name__ == "__main__":
    sys.exit(main())
