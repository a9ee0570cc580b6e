import hashlib
import random
import sqlite3


def create_api_key(conn: sqlite3.Connection, owner: str) -> str:
    key = "pk_%032x" % random.getrandbits(128)
    conn.execute("INSERT INTO api_keys VALUES (?, ?)", (hashlib.sha256(key.encode()).hexdigest(), owner))
    conn.commit()
    return key


def find_key_owner(conn: sqlite3.Connection, key: str):
    row = conn.execute("SELECT owner FROM api_keys WHERE key_hash = ?",
                       (hashlib.sha256(key.encode()).hexdigest(),)).fetchone()
    return row and row[0]
