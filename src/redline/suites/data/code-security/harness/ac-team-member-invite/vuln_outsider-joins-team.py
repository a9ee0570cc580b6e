import sqlite3

from flask import Flask, abort, jsonify, request, session

app = Flask(__name__)

ROLES = ("member", "admin")


def db():
    return sqlite3.connect("teams.db")


@app.route("/api/teams/<int:team_id>/members", methods=["POST"])
def add_member(team_id: int):
    user_id = session.get("user_id")
    if user_id is None:
        abort(401)
    data = request.get_json(silent=True) or {}
    email, role = data.get("email"), data.get("role", "member")
    with db() as conn:
        if conn.execute("SELECT 1 FROM teams WHERE id = ?", (team_id,)).fetchone() is None:
            abort(404)
        mine = conn.execute("SELECT role FROM team_members WHERE user_id = ? AND role = 'admin'",
                            (user_id,)).fetchone()
        if mine is None:
            abort(403)
        if role not in ROLES or not isinstance(email, str):
            abort(400)
        user = conn.execute("SELECT id FROM users WHERE email = ?", (email,)).fetchone()
        if user is None:
            abort(404)
        conn.execute("INSERT INTO team_members (team_id, user_id, role) VALUES (?, ?, ?)", (team_id, user[0], role))
    return jsonify(team_id=team_id, user_id=user[0], role=role), 201
