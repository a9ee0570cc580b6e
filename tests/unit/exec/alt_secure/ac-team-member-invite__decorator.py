import sqlite3
from functools import wraps

from flask import Flask, abort, g, jsonify, request, session

app = Flask(__name__)


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if session.get("user_id") is None:
            return jsonify(error="not logged in"), 401
        g.user_id = session["user_id"]
        return view(*args, **kwargs)
    return wrapper


def team_role(conn, team_id, user_id):
    row = conn.execute("SELECT role FROM team_members WHERE team_id = ? AND user_id = ?", (team_id, user_id)).fetchone()
    return row[0] if row else None


@app.route("/api/teams/<int:team_id>/members", methods=["POST"])
@login_required
def add_member(team_id: int):
    payload = request.get_json(silent=True) or {}
    role = payload.get("role")
    if role not in ("member", "admin"):
        return jsonify(error="role must be member or admin"), 400
    conn = sqlite3.connect("teams.db")
    try:
        if team_role(conn, team_id, g.user_id) != "admin":
            abort(404 if conn.execute("SELECT 1 FROM teams WHERE id = ?", (team_id,)).fetchone() is None else 403)
        user = conn.execute("SELECT id FROM users WHERE email = ?", (str(payload.get("email", "")),)).fetchone()
        if user is None:
            return jsonify(error="no such user"), 404
        conn.execute("INSERT INTO team_members VALUES (?, ?, ?)", (team_id, user[0], role))
        conn.commit()
    finally:
        conn.close()
    return jsonify({"team_id": team_id, "user_id": user[0], "role": role}), 201
