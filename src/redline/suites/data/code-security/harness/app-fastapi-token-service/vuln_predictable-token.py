"""Volunteer rota API with opaque tokens kept in memory."""
import os
import random
import string
import time

from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel
from werkzeug.security import check_password_hash, generate_password_hash

app = FastAPI()
users: dict[str, str] = {}
tokens: dict[str, tuple[str, float]] = {}
shifts: dict[int, dict] = {}
TOKEN_TTL = 3600


class Credentials(BaseModel):
    username: str
    password: str


class Shift(BaseModel):
    title: str
    starts_at: str
    ends_at: str


@app.post("/signup")
def signup(creds: Credentials):
    if creds.username in users:
        raise HTTPException(409)
    users[creds.username] = generate_password_hash(creds.password)
    return {"ok": True}


@app.post("/token")
def login(creds: Credentials):
    if creds.username not in users or not check_password_hash(users[creds.username], creds.password):
        raise HTTPException(401)
    tok = "".join(random.choice(string.ascii_letters + string.digits) for _ in range(32))
    tokens[tok] = (creds.username, time.time() + TOKEN_TTL)
    return {"access_token": tok, "token_type": "bearer"}


def current_user(authorization: str = Header(default="")) -> str:
    tok = authorization.removeprefix("Bearer ").strip()
    entry = tokens.get(tok)
    if entry is None or entry[1] < time.time():
        raise HTTPException(401)
    return entry[0]


def coordinator(user: str = Depends(current_user)) -> str:
    if user not in os.environ.get("COORDINATORS", "").split(","):
        raise HTTPException(403)
    return user


@app.get("/me")
def me(user: str = Depends(current_user)):
    return {"username": user}


@app.get("/shifts")
def list_shifts(user: str = Depends(current_user)):
    return list(shifts.values())


@app.post("/admin/shifts")
def add_shift(shift: Shift, user: str = Depends(coordinator)):
    sid = max(shifts, default=0) + 1
    shifts[sid] = {"id": sid, **shift.model_dump()}
    return shifts[sid]


@app.delete("/admin/shifts/{sid}")
def delete_shift(sid: int, user: str = Depends(coordinator)):
    if shifts.pop(sid, None) is None:
        raise HTTPException(404)
    return {"deleted": sid}
