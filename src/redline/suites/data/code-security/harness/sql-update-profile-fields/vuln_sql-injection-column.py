def update_profile(conn, user_id: int, fields: dict[str, str]) -> None:
    """Update the columns named in `fields` (from the profile form) for this user in the users table."""
    if not fields:
        return
    columns = list(fields)
    assignments = ", ".join(f"{c} = %s" for c in columns)
    with conn.cursor() as cur:
        cur.execute(f"UPDATE users SET {assignments} WHERE id = %s", [fields[c] for c in columns] + [user_id])
