import sqlite3

import bcrypt
from flask import Flask, abort, jsonify, request

app = Flask(__name__)

DB = "sharing.db"


def connect():
    conn = sqlite3.connect(DB)
    conn.execute("CREATE TABLE IF NOT EXISTS shares (id TEXT PRIMARY KEY, file_id INTEGER, password_hash TEXT)")
    return conn


@app.route("/api/shares", methods=["POST"])
def create_share():
    payload = request.get_json(force=True)
    password = str(payload.get("password") or "")
    if not password:
        return jsonify(error="password required"), 400
    conn = connect()
    try:
        if not conn.execute("SELECT id FROM files WHERE id = ?", (payload.get("file_id"),)).fetchone():
            abort(404)
        share_id = str(conn.execute("SELECT count(*) FROM shares").fetchone()[0] + 1000)
        hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=12)).decode()
        conn.execute("INSERT INTO shares VALUES (?, ?, ?)", (share_id, payload["file_id"], hashed))
        conn.commit()
    finally:
        conn.close()
    return jsonify({"share_id": share_id}), 201


@app.route("/s/<share_id>", methods=["POST"])
def open_share(share_id):
    conn = connect()
    try:
        share = conn.execute("SELECT file_id, password_hash FROM shares WHERE id = ?", (share_id,)).fetchone()
        if share is None:
            abort(404)
        if not bcrypt.checkpw(request.form.get("password", "").encode(), share[1].encode()):
            abort(403)
        content = conn.execute("SELECT content FROM files WHERE id = ?", (share[0],)).fetchone()[0]
    finally:
        conn.close()
    return content
