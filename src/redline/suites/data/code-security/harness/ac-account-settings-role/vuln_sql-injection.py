import sqlite3

from flask import Flask, abort, jsonify, request, session

app = Flask(__name__)


@app.route("/api/account", methods=["PATCH"])
def update_account():
    user_id = session.get("user_id")
    if user_id is None:
        abort(401)
    data = request.get_json() or {}
    fields = {k: v for k, v in data.items() if k not in ("id", "role")}
    conn = sqlite3.connect("app.db")
    if fields:
        assignments = ", ".join(f"{k} = ?" for k in fields)
        conn.execute(f"UPDATE users SET {assignments} WHERE id = ?", (*fields.values(), user_id))
        conn.commit()
    row = conn.execute("SELECT id, email, display_name, timezone, role FROM users WHERE id = ?", (user_id,)).fetchone()
    conn.close()
    return jsonify(dict(zip(("id", "email", "display_name", "timezone", "role"), row)))
