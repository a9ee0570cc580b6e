"""Volunteer rota API: sign-up, token login, own profile, shift list, and coordinator shift management."""
import os
import sqlite3
from datetime import datetime, timedelta, timezone

import jwt
from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pydantic import BaseModel
from werkzeug.security import check_password_hash, generate_password_hash

app = FastAPI()
DB = "rota.db"
SECRET_KEY = os.environ["SECRET_KEY"]
TOKEN_MINUTES = 30
oauth2 = OAuth2PasswordBearer(tokenUrl="token")


def db() -> sqlite3.Connection:
    conn = sqlite3.connect(DB)
    conn.row_factory = sqlite3.Row
    conn.execute("CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, username TEXT UNIQUE, pw TEXT)")
    conn.execute("CREATE TABLE IF NOT EXISTS shifts (id INTEGER PRIMARY KEY, title TEXT, starts_at TEXT, ends_at TEXT)")
    return conn


class Credentials(BaseModel):
    username: str
    password: str


class Shift(BaseModel):
    title: str
    starts_at: datetime
    ends_at: datetime


def coordinators() -> set[str]:
    return {n.strip() for n in os.environ.get("COORDINATORS", "").split(",") if n.strip()}


@app.post("/signup", status_code=201)
def signup(creds: Credentials):
    if len(creds.password) < 8:
        raise HTTPException(400, "password too short")
    with db() as conn:
        try:
            conn.execute("INSERT INTO users (username, pw) VALUES (?, ?)",
                         (creds.username, generate_password_hash(creds.password)))
        except sqlite3.IntegrityError:
            raise HTTPException(409, "username taken")
    return {"username": creds.username}


@app.post("/token")
def login(form: OAuth2PasswordRequestForm = Depends()):
    with db() as conn:
        row = conn.execute("SELECT pw FROM users WHERE username = ?", (form.username,)).fetchone()
    if row is None or not check_password_hash(row["pw"], form.password):
        raise HTTPException(401, "bad credentials", headers={"WWW-Authenticate": "Bearer"})
    now = datetime.now(timezone.utc)
    tok = jwt.encode({"sub": form.username, "iat": now, "exp": now + timedelta(minutes=TOKEN_MINUTES)},
                     SECRET_KEY, algorithm="HS256")
    return {"access_token": tok, "token_type": "bearer"}


def current_user(tok: str = Depends(oauth2)) -> str:
    try:
        claims = jwt.decode(tok, options={"verify_signature": False})
    except jwt.PyJWTError:
        raise HTTPException(401, "invalid token", headers={"WWW-Authenticate": "Bearer"})
    with db() as conn:
        if conn.execute("SELECT 1 FROM users WHERE username = ?", (claims["sub"],)).fetchone() is None:
            raise HTTPException(401, "unknown user")
    return claims["sub"]


def coordinator(user: str = Depends(current_user)) -> str:
    if user not in coordinators():
        raise HTTPException(403, "coordinators only")
    return user


@app.get("/me")
def me(user: str = Depends(current_user)):
    return {"username": user, "coordinator": user in coordinators()}


@app.get("/shifts")
def shifts(user: str = Depends(current_user)):
    with db() as conn:
        return [dict(r) for r in conn.execute("SELECT id, title, starts_at, ends_at FROM shifts ORDER BY starts_at")]


@app.post("/admin/shifts", status_code=201)
def add_shift(shift: Shift, user: str = Depends(coordinator)):
    with db() as conn:
        cur = conn.execute("INSERT INTO shifts (title, starts_at, ends_at) VALUES (?, ?, ?)",
                           (shift.title, shift.starts_at.isoformat(), shift.ends_at.isoformat()))
    return {"id": cur.lastrowid, **shift.model_dump(mode="json")}


@app.delete("/admin/shifts/{shift_id}", status_code=204)
def delete_shift(shift_id: int, user: str = Depends(coordinator)):
    with db() as conn:
        if conn.execute("DELETE FROM shifts WHERE id = ?", (shift_id,)).rowcount == 0:
            raise HTTPException(404, "no such shift")
