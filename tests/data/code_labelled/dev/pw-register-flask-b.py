# redline-label: {"label": "secure", "cwes": ["CWE-916", "CWE-759"], "task": null, "category": "password-storage", "style": "flask-app"}
import os
import sqlite3
from contextlib import closing

import bcrypt
from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["DB_PATH"] = os.environ.get("USERS_DB", "users.db")


def connect():
    conn = sqlite3.connect(app.config["DB_PATH"])
    conn.row_factory = sqlite3.Row
    return conn


def create_schema() -> None:
    with closing(connect()) as conn:
        conn.execute(
            """
            CREATE TABLE IF NOT EXISTS accounts (
                id INTEGER PRIMARY KEY,
                email TEXT UNIQUE NOT NULL,
                pw_hash BLOB NOT NULL
            )
            """
        )
        conn.commit()


@app.post("/api/register")
def register():
    payload = request.get_json(force=True)
    email = (payload.get("email") or "").lower().strip()
    password = payload.get("password") or ""

    if "@" not in email:
        return jsonify({"error": "invalid email"}), 400
    if len(password) < 10:
        return jsonify({"error": "password too short"}), 400

    # bcrypt generates a per-password salt and is deliberately slow
    pw_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=12))

    with closing(connect()) as conn:
        try:
            conn.execute("INSERT INTO accounts (email, pw_hash) VALUES (?, ?)", (email, pw_hash))
            conn.commit()
        except sqlite3.IntegrityError:
            return jsonify({"error": "email already registered"}), 409

    return jsonify({"status": "ok"}), 201


@app.post("/api/login")
def login():
    payload = request.get_json(force=True)
    with closing(connect()) as conn:
        row = conn.execute(
            "SELECT pw_hash FROM accounts WHERE email = ?", ((payload.get("email") or "").lower(),)
        ).fetchone()
    if row and bcrypt.checkpw((payload.get("password") or "").encode(), row["pw_hash"]):
        return jsonify({"status": "ok"})
    return jsonify({"error": "invalid email or password"}), 401


if __name__ == "__main__":
    create_schema()
    app.run()
