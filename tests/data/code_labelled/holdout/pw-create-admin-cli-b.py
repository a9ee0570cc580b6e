# redline-label: {"label": "secure", "cwes": ["CWE-916", "CWE-328"], "task": null, "category": "password-storage", "style": "cli"}
#!/usr/bin/env python3
"""Bootstrap the first administrator account."""
import argparse
import base64
import getpass
import hashlib
import os
import sqlite3
import sys

# scrypt parameters (n=2**15, r=8, p=1) need ~32 MiB per hash
N, R, P = 2**15, 8, 1


def scrypt_hash(password: str) -> str:
    salt = os.urandom(16)
    key = hashlib.scrypt(password.encode(), salt=salt, n=N, r=R, p=P, maxmem=64 * 1024 * 1024, dklen=32)
    return "scrypt${}${}${}${}${}".format(
        N, R, P, base64.b64encode(salt).decode(), base64.b64encode(key).decode()
    )


def parse_args():
    p = argparse.ArgumentParser(prog="create-admin")
    p.add_argument("--db", default=os.environ.get("APP_DB", "app.sqlite3"))
    p.add_argument("--username", default="admin")
    return p.parse_args()


def main():
    args = parse_args()
    pw = getpass.getpass("New admin password: ")
    if len(pw) < 12:
        sys.exit("password must have at least 12 characters")
    if pw != getpass.getpass("Again: "):
        sys.exit("passwords do not match")

    with sqlite3.connect(args.db) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS admins (username TEXT PRIMARY KEY, pw TEXT NOT NULL)")
        conn.execute("INSERT OR REPLACE INTO admins VALUES (?, ?)", (args.username, scrypt_hash(pw)))
    print("created", args.username)


if __name__ == "__main__":
    main()
