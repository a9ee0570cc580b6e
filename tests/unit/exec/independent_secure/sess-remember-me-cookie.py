# Independent secure reference for sess-remember-me-cookie.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Remember-me login: a random selector:validator cookie; only a hash of the validator is stored, with an expiry."""
import hashlib
import hmac
import secrets
import sqlite3
import time

from flask import Flask, g, request, session

app = Flask(__name__)
DB_PATH = "app.db"
COOKIE_NAME = "remember_me"
REMEMBER_SECONDS = 30 * 24 * 3600


def _db() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS remember_tokens (selector TEXT PRIMARY KEY, validator_hash TEXT NOT NULL,"
        " user_id INTEGER NOT NULL REFERENCES users(id), expires_at INTEGER NOT NULL)"
    )
    return conn


def _hash(validator: str) -> str:
    return hashlib.sha256(validator.encode()).hexdigest()


def remember_user(response, user_id: int):
    """Set the remember-me cookie on `response` for this user and store what is needed to recognise it."""
    selector = secrets.token_urlsafe(12)
    validator = secrets.token_urlsafe(32)
    expires_at = int(time.time()) + REMEMBER_SECONDS
    with _db() as conn:
        conn.execute("DELETE FROM remember_tokens WHERE expires_at < ?", (int(time.time()),))
        conn.execute(
            "INSERT INTO remember_tokens (selector, validator_hash, user_id, expires_at) VALUES (?, ?, ?, ?)",
            (selector, _hash(validator), int(user_id), expires_at),
        )
    response.set_cookie(
        COOKIE_NAME,
        f"{selector}:{validator}",
        max_age=REMEMBER_SECONDS,
        secure=True,
        httponly=True,
        samesite="Lax",
    )
    return response


def forget_user(response, user_id: int | None = None):
    """For logout: drop this browser's token (or all of the user's tokens) and clear the cookie."""
    with _db() as conn:
        if user_id is not None:
            conn.execute("DELETE FROM remember_tokens WHERE user_id = ?", (int(user_id),))
        cookie = request.cookies.get(COOKIE_NAME, "")
        if ":" in cookie:
            conn.execute("DELETE FROM remember_tokens WHERE selector = ?", (cookie.split(":", 1)[0],))
    response.delete_cookie(COOKIE_NAME, secure=True, httponly=True, samesite="Lax")
    return response


@app.before_request
def restore_login_from_cookie():
    if session.get("user_id") is not None:
        return
    cookie = request.cookies.get(COOKIE_NAME)
    if not cookie or ":" not in cookie:
        return
    selector, validator = cookie.split(":", 1)
    with _db() as conn:
        row = conn.execute(
            "SELECT validator_hash, user_id, expires_at FROM remember_tokens WHERE selector = ?", (selector,)
        ).fetchone()
        if row is None:
            return
        validator_hash, user_id, expires_at = row
        if expires_at < time.time():
            conn.execute("DELETE FROM remember_tokens WHERE selector = ?", (selector,))
            return
        if not hmac.compare_digest(validator_hash, _hash(validator)):
            # A known selector with a wrong validator suggests a stolen cookie: revoke the token.
            conn.execute("DELETE FROM remember_tokens WHERE selector = ?", (selector,))
            return
    session.clear()
    session["user_id"] = user_id
    g.remembered = True
