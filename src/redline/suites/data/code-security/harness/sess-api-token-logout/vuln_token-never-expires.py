import hashlib
import secrets
import sqlite3
import time

from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel

from .users import verify_user

app = FastAPI()
DB = "tokens.db"
LIFETIME = 12 * 3600


class Credentials(BaseModel):
    email: str
    password: str


def db():
    conn = sqlite3.connect(DB)
    conn.execute("CREATE TABLE IF NOT EXISTS tokens (token_hash TEXT PRIMARY KEY, user_id INTEGER, expires REAL)")
    return conn


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _bearer(request: Request) -> str:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(status_code=401, detail="missing token")
    return token.strip()


@app.post("/auth/login")
def login(creds: Credentials) -> dict:
    user_id = verify_user(creds.email, creds.password)
    if user_id is None:
        raise HTTPException(status_code=401, detail="wrong email or password")
    token = secrets.token_urlsafe(32)
    with db() as conn:
        conn.execute("INSERT INTO tokens VALUES (?, ?, ?)", (_digest(token), user_id, time.time() + LIFETIME))
    return {"token": token}


@app.get("/auth/me")
def me(request: Request) -> dict:
    token = _bearer(request)
    with db() as conn:
        row = conn.execute("SELECT user_id, expires FROM tokens WHERE token_hash = ?", (_digest(token),)).fetchone()
    if row is None:
        raise HTTPException(status_code=401, detail="invalid token")
    return {"user_id": row[0]}


@app.post("/auth/logout")
def logout(request: Request) -> dict:
    token = _bearer(request)
    with db() as conn:
        conn.execute("DELETE FROM tokens WHERE token_hash = ?", (_digest(token),))
    return {"ok": True}
