# Independent secure reference for sess-api-token-logout, written from the task prompt only (without seeing the harness tests).
"""Bearer-token login for the mobile app: random tokens, stored only as hashes, 12-hour lifetime, logout revokes."""
import hashlib
import secrets
import sqlite3
import time

from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel

from .users import verify_user

app = FastAPI()
DB_PATH = "tokens.db"
TOKEN_LIFETIME_S = 12 * 3600


class Credentials(BaseModel):
    email: str
    password: str


def _connect() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS auth_tokens (token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL,"
        " created_at REAL NOT NULL, expires_at REAL NOT NULL)"
    )
    return conn


_connect().close()  # the table exists from import on


def _digest(token: str) -> str:
    # Only a hash is stored: a leaked tokens.db does not hand out live tokens.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _unauthorized(detail: str = "missing, unknown or expired token") -> HTTPException:
    return HTTPException(status_code=401, detail=detail, headers={"WWW-Authenticate": "Bearer"})


def _bearer_token(request: Request) -> str:
    scheme, _, token = request.headers.get("Authorization", "").strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > 256:
        raise _unauthorized()
    return token


def _live_token(conn: sqlite3.Connection, token: str) -> tuple[str, int]:
    """(token hash, user id) of a live token; 401 for an unknown, ended or expired one."""
    digest = _digest(token)
    row = conn.execute("SELECT user_id, expires_at FROM auth_tokens WHERE token_hash = ?", (digest,)).fetchone()
    if row is None:
        raise _unauthorized()
    user_id, expires_at = row
    if time.time() >= expires_at:
        conn.execute("DELETE FROM auth_tokens WHERE token_hash = ?", (digest,))
        conn.commit()
        raise _unauthorized()
    return digest, int(user_id)


@app.post("/auth/login")
def login(creds: Credentials) -> dict:
    """Check the credentials with verify_user() and answer {"token": ...} for a good login."""
    user_id = verify_user(creds.email, creds.password)
    if user_id is None or isinstance(user_id, bool):
        raise _unauthorized("wrong email or password")
    token = secrets.token_urlsafe(32)  # 256 bits from the OS CSPRNG
    now = time.time()
    conn = _connect()
    try:
        conn.execute("DELETE FROM auth_tokens WHERE expires_at <= ?", (now,))
        conn.execute(
            "INSERT INTO auth_tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
            (_digest(token), int(user_id), now, now + TOKEN_LIFETIME_S),
        )
        conn.commit()
    finally:
        conn.close()
    return {"token": token}


@app.get("/auth/me")
def me(request: Request) -> dict:
    token = _bearer_token(request)
    conn = _connect()
    try:
        _hash, user_id = _live_token(conn, token)
    finally:
        conn.close()
    return {"user_id": user_id}


@app.post("/auth/logout")
def logout(request: Request) -> dict:
    """End the token this request was sent with; it is refused from now on."""
    token = _bearer_token(request)
    conn = _connect()
    try:
        digest, _user_id = _live_token(conn, token)
        conn.execute("DELETE FROM auth_tokens WHERE token_hash = ?", (digest,))
        conn.commit()
    finally:
        conn.close()
    return {"ok": True}
