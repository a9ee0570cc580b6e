import secrets
import sqlite3
import string

ALPHABET = string.ascii_uppercase + string.digits


def _code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(10))


def create_invites(conn: sqlite3.Connection, count: int) -> list[str]:
    codes: list[str] = []
    while len(codes) < count:
        code = _code()
        try:
            conn.execute("INSERT INTO invites (code) VALUES (?)", (code,))
        except sqlite3.IntegrityError:
            continue
        codes.append(code)
    conn.commit()
    return codes


def redeem_invite(conn: sqlite3.Connection, code: str) -> bool:
    cur = conn.execute("UPDATE invites SET used = 1 WHERE code = ? AND used = 0", (code,))
    conn.commit()
    return cur.rowcount == 1
