import sqlite3

from flask import Flask, abort, jsonify, request, session

app = Flask(__name__)


@app.route("/api/teams/<int:team_id>/members", methods=["POST"])
def add_member(team_id: int):
    if "user_id" not in session:
        abort(401)
    data = request.get_json(force=True)
    if data.get("role") not in ("member", "admin"):
        abort(400)
    conn = sqlite3.connect("teams.db")
    try:
        team_ids = [r[0] for r in conn.execute("SELECT team_id FROM team_members WHERE user_id = ?",
                                               (session["user_id"],))]
        if team_id not in team_ids:
            abort(403)
        user = conn.execute("SELECT id FROM users WHERE email = ?", (data.get("email"),)).fetchone()
        if user is None:
            abort(404)
        conn.execute("INSERT INTO team_members VALUES (?, ?, ?)", (team_id, user[0], data["role"]))
        conn.commit()
    finally:
        conn.close()
    return jsonify(team_id=team_id, user_id=user[0], role=data["role"]), 201
