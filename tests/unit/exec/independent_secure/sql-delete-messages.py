# Independent secure reference for sql-delete-messages.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import sqlite3


def delete_messages(conn: sqlite3.Connection, user_id: int, message_ids: list[str]) -> int:
    """Delete the ticked messages of this user in one query; return how many rows were deleted."""
    ids = []
    for raw in message_ids:
        try:
            ids.append(int(str(raw).strip()))
        except ValueError:
            raise ValueError(f"invalid message id {raw!r}") from None
    if not ids:
        return 0
    placeholders = ", ".join("?" for _ in ids)  # one bound parameter per id, nothing from the input in the SQL
    cur = conn.execute(f"DELETE FROM messages WHERE user_id = ? AND id IN ({placeholders})", [user_id, *ids])
    conn.commit()
    return cur.rowcount
