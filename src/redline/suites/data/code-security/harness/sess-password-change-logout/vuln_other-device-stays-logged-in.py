import sqlite3

from flask import Flask, abort, jsonify, request, session
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)


def db():
    conn = sqlite3.connect("club.db")
    conn.row_factory = sqlite3.Row
    return conn


@app.route("/login", methods=["POST"])
def login():
    with db() as conn:
        row = conn.execute("SELECT * FROM users WHERE email = ?", (request.form.get("email", ""),)).fetchone()
    if row is None or not check_password_hash(row["password_hash"], request.form.get("password", "")):
        abort(401)
    session.clear()
    session["user_id"] = row["id"]
    return jsonify(ok=True)


@app.route("/me")
def me():
    if "user_id" not in session:
        abort(401)
    return jsonify(user_id=session["user_id"])


@app.route("/account/password", methods=["POST"])
def change_password():
    if "user_id" not in session:
        abort(401)
    with db() as conn:
        row = conn.execute("SELECT * FROM users WHERE id = ?", (session["user_id"],)).fetchone()
        if row is None or not check_password_hash(row["password_hash"], request.form.get("current_password", "")):
            abort(403)
        new = request.form.get("new_password", "")
        if not new:
            abort(400)
        conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", (generate_password_hash(new), row["id"]))
    return jsonify(ok=True)
