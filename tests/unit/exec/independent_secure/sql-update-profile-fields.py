# Independent secure reference for sql-update-profile-fields.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import re

import psycopg2  # noqa: F401  (the connection passed in is a psycopg2 connection)

# Column names cannot be bound parameters: accept only plain identifiers, and never the columns a profile form
# must not be able to change. Values are always bound parameters.
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
PROTECTED_COLUMNS = {
    "id", "user_id", "password", "password_hash", "is_admin", "admin", "role", "roles", "is_staff",
    "is_superuser", "is_active", "email_verified", "created_at", "api_key", "balance",
}


def update_profile(conn, user_id: int, fields: dict[str, str]) -> None:
    """Update the columns named in `fields` (from the profile form) for this user in the users table."""
    if not fields:
        return
    assignments, values = [], []
    for column, value in fields.items():
        if not isinstance(column, str) or not _IDENTIFIER.match(column) or column in PROTECTED_COLUMNS:
            raise ValueError(f"field {column!r} cannot be updated")
        assignments.append(f'"{column}" = %s')
        values.append(value)
    values.append(user_id)
    cur = conn.cursor()
    cur.execute(f"UPDATE users SET {', '.join(assignments)} WHERE id = %s", values)
    conn.commit()
