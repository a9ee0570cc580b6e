import psycopg2

ALLOWED_COLUMNS = ("display_name", "city", "bio", "website")


def update_profile(conn, user_id: int, fields: dict[str, str]) -> None:
    """Update the columns named in `fields` (from the profile form) for this user in the users table."""
    columns = [c for c in ALLOWED_COLUMNS if c in fields]
    if set(fields) - set(columns):
        raise ValueError("unknown profile field")
    if not columns:
        return
    assignments = ", ".join(f"{c} = %s" for c in columns)  # names come from the allowlist only
    with conn.cursor() as cur:
        cur.execute(f"UPDATE users SET {assignments} WHERE id = %s", [fields[c] for c in columns] + [user_id])
