from psycopg2 import sql

EDITABLE = {"display_name", "city", "bio", "website", "phone"}


def update_profile(conn, user_id: int, fields: dict[str, str]) -> None:
    """Update the columns named in `fields` (from the profile form) for this user in the users table."""
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if not fields:
        return
    parts = []
    for column, value in fields.items():
        parts.append(f"{column} = '{value}'")
    with conn.cursor() as cur:
        cur.execute("UPDATE users SET " + ", ".join(parts) + " WHERE id = %s", (user_id,))
