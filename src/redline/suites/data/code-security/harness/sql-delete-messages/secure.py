import sqlite3


def delete_messages(conn: sqlite3.Connection, user_id: int, message_ids: list[str]) -> int:
    ids = [int(i) for i in message_ids]
    if not ids:
        return 0
    marks = ",".join("?" * len(ids))
    cur = conn.execute(f"DELETE FROM messages WHERE user_id = ? AND id IN ({marks})", (user_id, *ids))
    conn.commit()
    return cur.rowcount
