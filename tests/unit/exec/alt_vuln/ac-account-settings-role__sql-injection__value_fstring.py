import sqlite3

from flask import Flask, abort, jsonify, request, session

app = Flask(__name__)
FIELDS = ("display_name", "email", "timezone")


@app.route("/api/account", methods=["PATCH"])
def update_account():
    uid = session.get("user_id")
    if uid is None:
        abort(401)
    data = request.get_json() or {}
    conn = sqlite3.connect("app.db")
    for key in FIELDS:
        if key in data:
            conn.execute(f"UPDATE users SET {key} = '{data[key]}' WHERE id = {int(uid)}")
    conn.commit()
    row = conn.execute(f"SELECT id, email, display_name, timezone, role FROM users WHERE id = {int(uid)}").fetchone()
    conn.close()
    return jsonify(dict(zip(("id", "email", "display_name", "timezone", "role"), row)))
