import sqlite3


def delete_messages(conn: sqlite3.Connection, user_id: int, message_ids: list[str]) -> int:
    ids = ",".join("'{}'".format(i) for i in message_ids)
    cur = conn.cursor()
    cur.execute("DELETE FROM messages WHERE id IN ({}) AND user_id = ?".format(ids), (user_id,))
    conn.commit()
    return cur.rowcount
