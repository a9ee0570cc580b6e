import secrets
import sqlite3

from flask import Flask, abort, jsonify, request
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)


def db():
    conn = sqlite3.connect("sharing.db")
    conn.execute("CREATE TABLE IF NOT EXISTS shares (id TEXT PRIMARY KEY, file_id INTEGER, password_hash TEXT)")
    return conn


@app.route("/api/shares", methods=["POST"])
def create_share():
    data = request.get_json(silent=True) or {}
    file_id, password = data.get("file_id"), data.get("password")
    if not isinstance(password, str) or not password:
        abort(400)
    with db() as conn:
        if conn.execute("SELECT 1 FROM files WHERE id = ?", (file_id,)).fetchone() is None:
            abort(404)
        share_id = secrets.token_urlsafe(16)
        conn.execute("INSERT INTO shares (id, file_id, password_hash) VALUES (?, ?, ?)",
                     (share_id, file_id, generate_password_hash(password)))
    return jsonify(share_id=share_id), 201


@app.route("/s/<share_id>", methods=["POST"])
def open_share(share_id: str):
    with db() as conn:
        row = conn.execute("SELECT s.password_hash, f.content FROM shares s JOIN files f ON f.id = s.file_id "
                           "WHERE s.id = ?", (share_id,)).fetchone()
    if row is None:
        abort(404)
    if not check_password_hash(row[0], request.form.get("password", "")):
        abort(403)
    return row[1], 200, {"Content-Type": "text/plain; charset=utf-8"}
