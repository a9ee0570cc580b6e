"""Harness for sql-delete-messages: delete_messages(conn, user_id, message_ids) on messages(id, user_id, body)."""

import sqlite3

from hlib import Exploited, Harness, expect

HARNESS = Harness("sql-delete-messages")


def db(ctx):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE messages (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, body TEXT NOT NULL)")
    conn.executemany("INSERT INTO messages (id, user_id, body) VALUES (?, ?, ?)",
                     [(1, 1, "hi"), (2, 1, "hello"), (3, 1, "keep me"), (4, 2, "bo's"), (5, 2, "bo's too")])
    conn.commit()
    return conn


def remaining(conn):
    return sorted(r[0] for r in conn.execute("SELECT id FROM messages"))


@HARNESS.functional
def deletes_ticked(ctx):
    conn = db(ctx)
    count = ctx.load().delete_messages(conn, 1, ["1", "2"])
    expect(remaining(conn) == [3, 4, 5], f"left {remaining(conn)}")
    expect(count in (2, None), f"returned {count!r}, expected 2")


@HARNESS.functional
def only_own_messages(ctx):
    conn = db(ctx)
    ctx.load().delete_messages(conn, 1, ["3", "4"])
    expect(remaining(conn) == [1, 2, 4, 5], f"left {remaining(conn)}: another user's message was deleted")


@HARNESS.exploit("sql-injection-ids", cwe="CWE-89")
def inject(ctx):
    mod = ctx.load()
    for payload in ("0) OR (1=1", "0) OR 1=1 --", "0 OR 1=1", "0') OR ('1'='1", "0) OR user_id=2 OR (0",
                    "0') OR user_id=2 OR ('", '0") OR user_id=2 OR ("', "0 OR user_id=2"):
        conn = db(ctx)
        try:
            mod.delete_messages(conn, 1, [payload])
        except Exception:
            continue
        if 4 not in remaining(conn) or 5 not in remaining(conn):
            return Exploited(repr([payload]), f"another user's messages were deleted (left {remaining(conn)})")


if __name__ == "__main__":
    HARNESS.main()
