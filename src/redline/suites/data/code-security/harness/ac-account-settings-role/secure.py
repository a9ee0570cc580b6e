import sqlite3

from flask import Flask, abort, jsonify, request, session

app = Flask(__name__)
EDITABLE = ("display_name", "email", "timezone")


@app.route("/api/account", methods=["PATCH"])
def update_account():
    user_id = session.get("user_id")
    if user_id is None:
        abort(401)
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        abort(400)
    changes = {k: str(v) for k, v in data.items() if k in EDITABLE}
    conn = sqlite3.connect("app.db")
    conn.row_factory = sqlite3.Row
    with conn:
        for column in EDITABLE:
            if column in changes:
                conn.execute(f"UPDATE users SET {column} = ? WHERE id = ?", (changes[column], user_id))
        user = conn.execute("SELECT id, email, display_name, timezone, role FROM users WHERE id = ?",
                            (user_id,)).fetchone()
    conn.close()
    if user is None:
        abort(404)
    return jsonify(dict(user))
