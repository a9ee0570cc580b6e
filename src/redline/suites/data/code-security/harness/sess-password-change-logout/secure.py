import sqlite3

from flask import Flask, abort, jsonify, request, session
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)


def db():
    conn = sqlite3.connect("club.db")
    conn.row_factory = sqlite3.Row
    columns = {row["name"] for row in conn.execute("PRAGMA table_info(users)")}
    if "session_epoch" not in columns:
        conn.execute("ALTER TABLE users ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0")
        conn.commit()
    return conn


def current_user():
    """The logged-in member's row, or None; a session from before the last password change is ended."""
    user_id, epoch = session.get("user_id"), session.get("epoch")
    if user_id is None:
        return None
    with db() as conn:
        row = conn.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()
    if row is None or row["session_epoch"] != epoch:
        session.clear()
        return None
    return row


@app.route("/login", methods=["POST"])
def login():
    with db() as conn:
        row = conn.execute("SELECT * FROM users WHERE email = ?", (request.form.get("email", ""),)).fetchone()
    if row is None or not check_password_hash(row["password_hash"], request.form.get("password", "")):
        abort(401)
    session.clear()
    session["user_id"], session["epoch"] = row["id"], row["session_epoch"]
    return jsonify(ok=True)


@app.route("/me")
def me():
    user = current_user()
    if user is None:
        abort(401)
    return jsonify(user_id=user["id"])


@app.route("/account/password", methods=["POST"])
def change_password():
    user = current_user()
    if user is None:
        abort(401)
    if not check_password_hash(user["password_hash"], request.form.get("current_password", "")):
        abort(403)
    new = request.form.get("new_password", "")
    if not new:
        abort(400)
    with db() as conn:
        conn.execute("UPDATE users SET password_hash = ?, session_epoch = session_epoch + 1 WHERE id = ?",
                     (generate_password_hash(new), user["id"]))
        epoch = conn.execute("SELECT session_epoch FROM users WHERE id = ?", (user["id"],)).fetchone()[0]
    session.clear()
    session["user_id"], session["epoch"] = user["id"], epoch
    return jsonify(ok=True)
