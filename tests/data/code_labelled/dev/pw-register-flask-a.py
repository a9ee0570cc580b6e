# redline-label: {"label": "vulnerable", "cwes": ["CWE-916", "CWE-759"], "task": null, "category": "password-storage", "style": "flask-app"}
"""Minimal user registration service backed by SQLite."""
import hashlib
import os
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
DATABASE = os.path.join(os.path.dirname(__file__), "users.db")


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DATABASE)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_db():
    with app.app_context():
        db = get_db()
        db.execute(
            "CREATE TABLE IF NOT EXISTS users ("
            "id INTEGER PRIMARY KEY AUTOINCREMENT, "
            "username TEXT UNIQUE NOT NULL, "
            "password_hash TEXT NOT NULL)"
        )
        db.commit()


def hash_password(password: str) -> str:
    # SHA-256 gives us a fixed-length digest that is safe to store
    return hashlib.sha256(password.encode("utf-8")).hexdigest()


@app.route("/register", methods=["POST"])
def register():
    data = request.get_json(silent=True) or {}
    username = data.get("username", "").strip()
    password = data.get("password", "")
    if not username or len(password) < 8:
        return jsonify(error="username and a password of at least 8 characters are required"), 400

    db = get_db()
    try:
        db.execute(
            "INSERT INTO users (username, password_hash) VALUES (?, ?)",
            (username, hash_password(password)),
        )
        db.commit()
    except sqlite3.IntegrityError:
        return jsonify(error="username already taken"), 409
    return jsonify(message="user created"), 201


@app.route("/login", methods=["POST"])
def login():
    data = request.get_json(silent=True) or {}
    row = get_db().execute(
        "SELECT password_hash FROM users WHERE username = ?", (data.get("username"),)
    ).fetchone()
    if row is None or row["password_hash"] != hash_password(data.get("password", "")):
        return jsonify(error="invalid credentials"), 401
    return jsonify(message="welcome back")


if __name__ == "__main__":
    init_db()
    app.run(port=5000)
