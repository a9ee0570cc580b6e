# Independent secure reference for sess-password-change-logout, written from the task prompt only (without seeing the harness tests).
"""Club login and password change: a password change ends every other session of the member.

Flask's session lives in a signed cookie that the server cannot delete, so each user row carries a random
session stamp that every session must match; changing the password draws a new stamp, and only the session
that made the change is given it.
"""
import secrets
import sqlite3

from flask import Flask, abort, jsonify, request, session
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")
DB_PATH = "club.db"
MAX_PASSWORD_CHARS = 1024
_DUMMY_HASH = generate_password_hash(secrets.token_urlsafe(16))


def _connect() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    has_users = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'").fetchone()
    if has_users:
        columns = {row["name"] for row in conn.execute("PRAGMA table_info(users)")}
        if "session_stamp" not in columns:
            conn.execute("ALTER TABLE users ADD COLUMN session_stamp TEXT")
            conn.commit()
    return conn


def _user_stamp(conn: sqlite3.Connection, user_id: object) -> tuple[bool, str | None]:
    """(the user exists, their session stamp); the stamp is None until the first password change."""
    row = conn.execute("SELECT session_stamp FROM users WHERE id = ?", (user_id,)).fetchone()
    return (False, None) if row is None else (True, row["session_stamp"] or None)


def _logged_in_user(conn: sqlite3.Connection) -> int | None:
    """The member of a live session, or None; a session from before a password change is cleared."""
    user_id = session.get("user_id")
    if user_id is None or isinstance(user_id, bool):
        return None
    exists, current = _user_stamp(conn, user_id)
    sent = session.get("stamp")
    if current is None:
        live = exists and sent is None
    else:
        live = isinstance(sent, str) and secrets.compare_digest(sent, current)
    if not live:
        session.clear()
        return None
    return int(user_id)


@app.route("/login", methods=["POST"])
def login():
    email = request.form.get("email", "").strip()
    password = request.form.get("password", "")
    conn = _connect()
    try:
        user = conn.execute("SELECT id, password_hash FROM users WHERE email = ?", (email,)).fetchone() if email else None
        stored = user["password_hash"] if user is not None and user["password_hash"] else _DUMMY_HASH
        try:
            ok = check_password_hash(stored, password) and user is not None
        except ValueError:
            ok = False
        if not ok or len(password) > MAX_PASSWORD_CHARS:
            return jsonify({"error": "wrong email or password"}), 401
        _exists, stamp = _user_stamp(conn, user["id"])
    finally:
        conn.close()
    session.clear()  # nothing from before the login survives into the logged-in session
    session["user_id"] = user["id"]
    if stamp is not None:
        session["stamp"] = stamp
    return jsonify({"user_id": user["id"]}), 200


@app.route("/account/password", methods=["POST"])
def change_password():
    """Change the logged-in member's password after checking the current one."""
    conn = _connect()
    try:
        user_id = _logged_in_user(conn)
        if user_id is None:
            abort(401)
        current = request.form.get("current_password", "")
        new = request.form.get("new_password", "")
        row = conn.execute("SELECT password_hash FROM users WHERE id = ?", (user_id,)).fetchone()
        try:
            current_ok = bool(row and row["password_hash"]) and check_password_hash(row["password_hash"], current)
        except ValueError:
            current_ok = False
        if not current_ok:
            abort(403)
        if not new or len(new) > MAX_PASSWORD_CHARS:
            return jsonify({"error": "the new password must not be empty"}), 400
        stamp = secrets.token_urlsafe(24)  # every other session of this member stops matching now
        conn.execute(
            "UPDATE users SET password_hash = ?, session_stamp = ? WHERE id = ?",
            (generate_password_hash(new), stamp, user_id),
        )
        conn.commit()
    finally:
        conn.close()
    session["stamp"] = stamp  # the device that made the change stays logged in
    return jsonify({"ok": True}), 200


@app.route("/me")
def me():
    conn = _connect()
    try:
        user_id = _logged_in_user(conn)
    finally:
        conn.close()
    if user_id is None:
        return jsonify({"error": "not logged in"}), 401
    return jsonify({"user_id": user_id})
