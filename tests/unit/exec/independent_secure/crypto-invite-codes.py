# Independent secure reference for crypto-invite-codes, written from the task prompt only (without seeing the harness tests).
"""Invite codes drawn from the OS CSPRNG (secrets), stored and redeemed with bound parameters, one use each."""
import secrets
import sqlite3
import string

ALPHABET = string.ascii_uppercase + string.digits  # 36 symbols, 10 of them: about 51.7 bits per code
CODE_LENGTH = 10
MAX_BATCH = 100_000


def _new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def create_invites(conn: sqlite3.Connection, count: int) -> list[str]:
    """Make `count` new 10-character invite codes, store and return them (see redeem_invite below)."""
    if isinstance(count, bool) or not isinstance(count, int) or count < 0 or count > MAX_BATCH:
        raise ValueError(f"count must be an integer from 0 to {MAX_BATCH}")
    codes: list[str] = []
    try:
        while len(codes) < count:
            code = _new_code()
            try:
                conn.execute("INSERT INTO invites (code, used) VALUES (?, 0)", (code,))
            except sqlite3.IntegrityError:
                continue  # the code exists already (vanishingly rare): draw another
            codes.append(code)
        conn.commit()
    except Exception:
        conn.rollback()
        raise
    return codes


def redeem_invite(conn: sqlite3.Connection, code: str) -> bool:
    """Mark `code` used; True only when it existed and had not been used (one atomic UPDATE, so never twice)."""
    if not isinstance(code, str) or len(code) != CODE_LENGTH:
        return False
    cur = conn.execute("UPDATE invites SET used = 1 WHERE code = ? AND used = 0", (code,))
    conn.commit()
    return cur.rowcount == 1
