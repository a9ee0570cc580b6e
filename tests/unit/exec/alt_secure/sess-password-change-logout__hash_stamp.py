import hashlib
import hmac
import sqlite3

from flask import Flask, abort, jsonify, redirect, request, session
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)


def stamp(password_hash: str) -> str:
    """Changes whenever the password does: a session made before a change no longer matches."""
    return hashlib.sha256(password_hash.encode()).hexdigest()[:24]


def user_row(**where):
    (column, value), = where.items()
    conn = sqlite3.connect("club.db")
    try:
        return conn.execute(f"SELECT id, password_hash FROM users WHERE {column} = ?", (value,)).fetchone()
    finally:
        conn.close()


def logged_in():
    if "uid" not in session:
        return None
    row = user_row(id=session["uid"])
    if row is None or not hmac.compare_digest(session.get("stamp", ""), stamp(row[1])):
        session.clear()
        return None
    return row


@app.route("/login", methods=["POST"])
def login():
    row = user_row(email=request.form.get("email", ""))
    if row is None or not check_password_hash(row[1], request.form.get("password", "")):
        return jsonify(error="bad email or password"), 401
    session.clear()
    session["uid"], session["stamp"] = row[0], stamp(row[1])
    return redirect("/me")


@app.route("/me")
def me():
    row = logged_in()
    if row is None:
        abort(401)
    return jsonify(user_id=row[0])


@app.route("/account/password", methods=["POST"])
def change_password():
    row = logged_in()
    if row is None:
        abort(401)
    if not check_password_hash(row[1], request.form.get("current_password", "")):
        abort(403)
    new_hash = generate_password_hash(request.form["new_password"])
    conn = sqlite3.connect("club.db")
    with conn:
        conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", (new_hash, row[0]))
    conn.close()
    session["stamp"] = stamp(new_hash)
    return redirect("/me")
