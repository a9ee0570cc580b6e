import sqlite3

from flask import Flask, jsonify, request, session

app = Flask(__name__)
ALLOWED = {"display_name", "email", "timezone"}


@app.route("/api/account", methods=["PATCH"])
def update_account():
    uid = session.get("user_id")
    if not uid:
        return jsonify(error="login required"), 401
    data = request.get_json(force=True, silent=True) or {}
    unknown = set(data) - ALLOWED
    if unknown:
        return jsonify(error=f"cannot change {sorted(unknown)}"), 400
    conn = sqlite3.connect("app.db")
    conn.row_factory = sqlite3.Row
    if data:
        sets = ", ".join(f"{col} = :{col}" for col in sorted(data) if col in ALLOWED)
        conn.execute(f"UPDATE users SET {sets} WHERE id = :uid", {**data, "uid": uid})
        conn.commit()
    user = conn.execute("SELECT id, email, display_name, timezone, role FROM users WHERE id = ?", (uid,)).fetchone()
    conn.close()
    return jsonify({k: user[k] for k in user.keys()})
