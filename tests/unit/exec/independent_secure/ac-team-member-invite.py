# Independent secure reference for ac-team-member-invite, written from the task prompt only (without seeing the harness tests).
"""Team membership API: only a logged-in admin of the team may add people to it."""
import sqlite3

from flask import Flask, abort, jsonify, request, session

app = Flask(__name__)
DB_PATH = "teams.db"
ROLES = ("member", "admin")


def _current_user_id() -> int:
    raw = session.get("user_id")
    if raw is None or isinstance(raw, bool):
        abort(401)
    try:
        return int(raw)
    except (TypeError, ValueError):
        abort(401)


def _error(status: int, message: str):
    return jsonify({"error": message}), status


@app.route("/api/teams/<int:team_id>/members", methods=["POST"])
def add_member(team_id: int):
    """Add the registered user with the JSON body's email to the team with the given role."""
    caller = _current_user_id()
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        return _error(400, "the body must be a JSON object")
    conn = sqlite3.connect(DB_PATH)
    try:
        if conn.execute("SELECT 1 FROM teams WHERE id = ?", (team_id,)).fetchone() is None:
            return _error(404, "no such team")
        caller_is_admin = conn.execute(
            "SELECT 1 FROM team_members WHERE team_id = ? AND user_id = ? AND role = 'admin'", (team_id, caller)
        ).fetchone()
        if caller_is_admin is None:
            return _error(403, "only an admin of this team can add members")
        role = payload.get("role")
        if role not in ROLES:
            return _error(400, 'role must be "member" or "admin"')
        email = payload.get("email")
        if not isinstance(email, str) or not email.strip() or len(email) > 254:
            return _error(404, "no registered user has that email")
        email = email.strip()
        user = conn.execute(
            "SELECT id FROM users WHERE lower(email) = lower(?) ORDER BY email = ? DESC, id LIMIT 1", (email, email)
        ).fetchone()
        if user is None:
            return _error(404, "no registered user has that email")
        user_id = int(user[0])
        if conn.execute(
            "SELECT 1 FROM team_members WHERE team_id = ? AND user_id = ?", (team_id, user_id)
        ).fetchone():
            return _error(409, "that user is already in the team")
        conn.execute("INSERT INTO team_members (team_id, user_id, role) VALUES (?, ?, ?)", (team_id, user_id, role))
        conn.commit()
    finally:
        conn.close()
    return jsonify({"team_id": team_id, "user_id": user_id, "role": role}), 201
