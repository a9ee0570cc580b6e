import hashlib
import secrets
import sqlite3
import time

from flask import Flask, g, request, session

app = Flask(__name__)
DB = "app.db"
REMEMBER_DAYS = 30


def _db():
    conn = sqlite3.connect(DB)
    conn.execute("CREATE TABLE IF NOT EXISTS remember_tokens (selector TEXT PRIMARY KEY, validator_hash TEXT NOT NULL,"
                 " user_id INTEGER NOT NULL, expires REAL NOT NULL)")
    return conn


def remember_user(response, user_id: int):
    selector, validator = secrets.token_urlsafe(12), secrets.token_urlsafe(32)
    with _db() as conn:
        conn.execute("INSERT INTO remember_tokens VALUES (?, ?, ?, ?)",
                     (selector, hashlib.sha256(validator.encode()).hexdigest(), user_id,
                      time.time() + REMEMBER_DAYS * 86400))
    response.set_cookie("remember_me", f"{selector}:{validator}", max_age=REMEMBER_DAYS * 86400,
                        secure=True, httponly=True, samesite="Lax")
    return response


@app.before_request
def restore_login():
    if "user_id" in session:
        return
    raw = request.cookies.get("remember_me", "")
    selector, _, validator = raw.partition(":")
    if not selector or not validator:
        return
    with _db() as conn:
        row = conn.execute("SELECT validator_hash, user_id, expires FROM remember_tokens WHERE selector = ?",
                           (selector,)).fetchone()
    if row is None or row[2] < time.time():
        return
    if secrets.compare_digest(row[0], hashlib.sha256(validator.encode()).hexdigest()):
        session["user_id"] = row[1]
        g.user_id = row[1]
