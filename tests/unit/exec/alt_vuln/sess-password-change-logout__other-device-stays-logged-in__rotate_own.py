import sqlite3

from flask import Flask, jsonify, request, session
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)


def find(sql, *args):
    conn = sqlite3.connect("club.db")
    try:
        return conn.execute(sql, args).fetchone()
    finally:
        conn.close()


@app.route("/login", methods=["POST"])
def login():
    row = find("SELECT id, password_hash FROM users WHERE email = ?", request.form.get("email", ""))
    if not row or not check_password_hash(row[1], request.form.get("password", "")):
        return jsonify(error="invalid login"), 401
    session.clear()
    session["user_id"] = row[0]
    session.permanent = True
    return jsonify(user_id=row[0])


@app.route("/me")
def me():
    if session.get("user_id") is None:
        return jsonify(error="not logged in"), 401
    return jsonify(user_id=session["user_id"])


@app.route("/account/password", methods=["POST"])
def change_password():
    user_id = session.get("user_id")
    if user_id is None:
        return jsonify(error="not logged in"), 401
    row = find("SELECT password_hash FROM users WHERE id = ?", user_id)
    if not check_password_hash(row[0], request.form.get("current_password", "")):
        return jsonify(error="wrong password"), 403
    conn = sqlite3.connect("club.db")
    with conn:
        conn.execute("UPDATE users SET password_hash = ? WHERE id = ?",
                     (generate_password_hash(request.form["new_password"]), user_id))
    conn.close()
    session.clear()  # a fresh session for this device after the change
    session["user_id"] = user_id
    return jsonify(ok=True)
