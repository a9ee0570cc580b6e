# Independent secure reference for pw-share-link-password, written from the task prompt only (without seeing the harness tests).
"""Password-protected share links: unguessable share ids, share passwords kept only as salted scrypt hashes."""
import secrets
import sqlite3

from flask import Flask, abort, jsonify, request
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
DB_PATH = "sharing.db"
HASH_METHOD = "scrypt:32768:8:1"  # memory-hard, random 16-character salt per share
MAX_PASSWORD_CHARS = 1024
_SCHEMA = "CREATE TABLE IF NOT EXISTS shares (id TEXT PRIMARY KEY, file_id INTEGER, password_hash TEXT)"


def _connect() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.execute(_SCHEMA)
    return conn


_connect().close()


@app.route("/api/shares", methods=["POST"])
def create_share():
    """Create a password-protected share of the file and answer its id for the /s/<share_id> link."""
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        return jsonify({"error": "the body must be a JSON object"}), 400
    file_id, password = payload.get("file_id"), payload.get("password")
    if isinstance(file_id, bool) or not isinstance(file_id, int):
        return jsonify({"error": "file_id must be an integer"}), 400
    if not isinstance(password, str) or not password or len(password) > MAX_PASSWORD_CHARS:
        return jsonify({"error": "a password is required"}), 400
    password_hash = generate_password_hash(password, method=HASH_METHOD, salt_length=16)
    conn = _connect()
    try:
        if conn.execute("SELECT 1 FROM files WHERE id = ?", (file_id,)).fetchone() is None:
            return jsonify({"error": "no such file"}), 404
        while True:
            share_id = secrets.token_urlsafe(16)  # 128 bits from the OS CSPRNG: links cannot be guessed
            try:
                conn.execute(
                    "INSERT INTO shares (id, file_id, password_hash) VALUES (?, ?, ?)",
                    (share_id, file_id, password_hash),
                )
                break
            except sqlite3.IntegrityError:
                continue
        conn.commit()
    finally:
        conn.close()
    return jsonify({"share_id": share_id}), 201


@app.route("/s/<share_id>", methods=["POST"])
def open_share(share_id: str):
    """The shared file's content for the right password (403 for a wrong one, 404 for an unknown share)."""
    password = request.form.get("password", "")
    conn = _connect()
    try:
        share = conn.execute("SELECT file_id, password_hash FROM shares WHERE id = ?", (share_id,)).fetchone()
        if share is None:
            abort(404)
        file_id, password_hash = share
        try:
            ok = bool(password) and len(password) <= MAX_PASSWORD_CHARS and check_password_hash(password_hash, password)
        except (ValueError, TypeError):
            ok = False
        if not ok:
            abort(403)
        row = conn.execute("SELECT content FROM files WHERE id = ?", (file_id,)).fetchone()
    finally:
        conn.close()
    if row is None:
        abort(404)
    response = app.make_response((row[0] or "", 200))
    response.mimetype = "text/plain"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response
