import sqlite3


def delete_messages(conn: sqlite3.Connection, user_id: int, message_ids: list[str]) -> int:
    id_list = ", ".join(str(m) for m in message_ids)
    cur = conn.execute(f"DELETE FROM messages WHERE user_id = {int(user_id)} AND id IN ({id_list})")
    conn.commit()
    return cur.rowcount
