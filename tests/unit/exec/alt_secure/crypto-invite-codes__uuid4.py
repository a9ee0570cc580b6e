import sqlite3
import uuid


def create_invites(conn, count):
    out = []
    while len(out) < count:
        raw = uuid.uuid4().int
        chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        code = ""
        for _ in range(10):
            raw, r = divmod(raw, 36)
            code += chars[r]
        if code in out or conn.execute("SELECT 1 FROM invites WHERE code=?", (code,)).fetchone():
            continue
        out.append(code)
    conn.executemany("INSERT INTO invites(code) VALUES (?)", [(c,) for c in out])
    conn.commit()
    return out


def redeem_invite(conn, code):
    with conn:
        row = conn.execute("SELECT used FROM invites WHERE code=?", (code,)).fetchone()
        if not row or row[0] == 1:
            return False
        conn.execute("UPDATE invites SET used=1 WHERE code=?", (code,))
    return True
