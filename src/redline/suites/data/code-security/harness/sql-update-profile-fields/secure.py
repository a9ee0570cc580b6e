from psycopg2 import sql

EDITABLE = {"display_name", "city", "bio", "website", "phone"}


def update_profile(conn, user_id: int, fields: dict[str, str]) -> None:
    """Update the columns named in `fields` (from the profile form) for this user in the users table."""
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if not fields:
        return
    columns = list(fields)
    assignments = sql.SQL(", ").join(sql.SQL("{} = {}").format(sql.Identifier(c), sql.Placeholder()) for c in columns)
    query = sql.SQL("UPDATE users SET {} WHERE id = %s").format(assignments)
    with conn.cursor() as cur:
        cur.execute(query, [fields[c] for c in columns] + [user_id])
