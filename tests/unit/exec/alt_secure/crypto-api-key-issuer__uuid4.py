import hashlib
import sqlite3
import uuid


def create_api_key(conn: sqlite3.Connection, owner: str) -> str:
    key = f"pk_{uuid.uuid4().hex}"
    conn.execute("INSERT INTO api_keys VALUES (?, ?)", (hashlib.sha256(key.encode()).hexdigest(), owner))
    conn.commit()
    return key


def find_key_owner(conn: sqlite3.Connection, key: str):
    digest = hashlib.sha256(key.encode()).hexdigest()
    for (owner,) in conn.execute("SELECT owner FROM api_keys WHERE key_hash = ?", (digest,)):
        return owner
    return None
