# Independent secure reference for ac-account-settings-role, written from the task prompt only (without seeing the harness tests).
"""PATCH /api/account: a user may change only their own display name, email and timezone (never role or id)."""
import re
import sqlite3

from flask import Flask, jsonify, request, session

app = Flask(__name__)
DB_PATH = "app.db"
# The only columns a user may set; everything else in the body (role, id, ...) is ignored.
EDITABLE = ("display_name", "email", "timezone")
_EMAIL = re.compile(r"^[^@\s<>\"'(),;:]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$")
_TIMEZONE = re.compile(r"^[A-Za-z0-9_+\-/:]{1,64}$")


def _error(status: int, message: str):
    return jsonify({"error": message}), status


def _validate(field: str, value: object) -> str | None:
    """The error message for a bad value, or None when it is acceptable."""
    if not isinstance(value, str):
        return f"{field} must be a string"
    if field == "display_name" and not (1 <= len(value.strip()) and len(value) <= 100):
        return "display_name must have 1 to 100 characters"
    if field == "email" and (len(value) > 254 or not _EMAIL.match(value)):
        return "email is not a valid address"
    if field == "timezone" and not _TIMEZONE.match(value):
        return "timezone is not a valid time zone name"
    return None


def _account(conn: sqlite3.Connection, user_id: int):
    return conn.execute(
        "SELECT id, email, display_name, timezone, role FROM users WHERE id = ?", (user_id,)
    ).fetchone()


@app.route("/api/account", methods=["PATCH"])
def update_account():
    """Apply the fields in the JSON body to the logged-in user's row and answer the updated account."""
    user_id = session.get("user_id")
    if user_id is None or isinstance(user_id, bool):
        return _error(401, "login required")
    try:
        user_id = int(user_id)
    except (TypeError, ValueError):
        return _error(401, "login required")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return _error(400, "the body must be a JSON object")
    changes = {}
    for field in EDITABLE:
        if field in body:
            problem = _validate(field, body[field])
            if problem:
                return _error(400, problem)
            changes[field] = body[field]
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        if _account(conn, user_id) is None:
            return _error(404, "no such account")
        if "email" in changes:
            taken = conn.execute(
                "SELECT 1 FROM users WHERE lower(email) = lower(?) AND id != ?", (changes["email"], user_id)
            ).fetchone()
            if taken:
                return _error(409, "that email address is already in use")
        if changes:
            # Column names come from the fixed EDITABLE tuple, values are bound parameters.
            assignments = ", ".join(f"{column} = ?" for column in changes)
            conn.execute(f"UPDATE users SET {assignments} WHERE id = ?", (*changes.values(), user_id))
            conn.commit()
        row = _account(conn, user_id)
    finally:
        conn.close()
    return jsonify({key: row[key] for key in ("id", "email", "display_name", "timezone", "role")}), 200
