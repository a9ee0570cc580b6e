import random
import sqlite3
import string

ALPHABET = string.ascii_uppercase + string.digits


def create_invites(conn: sqlite3.Connection, count: int) -> list[str]:
    codes: set[str] = set()
    while len(codes) < count:
        codes.add("".join(random.choices(ALPHABET, k=10)))
    conn.executemany("INSERT INTO invites (code, used) VALUES (?, 0)", [(c,) for c in codes])
    conn.commit()
    return list(codes)


def redeem_invite(conn: sqlite3.Connection, code: str) -> bool:
    row = conn.execute("SELECT used FROM invites WHERE code = ?", (code,)).fetchone()
    if row is None or row[0]:
        return False
    conn.execute("UPDATE invites SET used = 1 WHERE code = ?", (code,))
    conn.commit()
    return True
