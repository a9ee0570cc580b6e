import os
import sqlite3
import uuid
from datetime import datetime, timedelta, timezone

import jwt
from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel

from .users import verify_user

app = FastAPI()
KEY = os.environ.get("JWT_SECRET") or os.urandom(32).hex()


class Credentials(BaseModel):
    email: str
    password: str


def db():
    c = sqlite3.connect("tokens.db")
    c.execute("CREATE TABLE IF NOT EXISTS revoked (jti TEXT PRIMARY KEY)")
    return c


def claims(request: Request) -> dict:
    auth = request.headers.get("authorization", "")
    if not auth.lower().startswith("bearer "):
        raise HTTPException(401)
    try:
        data = jwt.decode(auth[7:], KEY, algorithms=["HS256"])
    except jwt.PyJWTError:
        raise HTTPException(401) from None
    with db() as c:
        if c.execute("SELECT 1 FROM revoked WHERE jti = ?", (data["jti"],)).fetchone():
            raise HTTPException(401)
    return data


@app.post("/auth/login")
def login(creds: Credentials) -> dict:
    uid = verify_user(creds.email, creds.password)
    if uid is None:
        raise HTTPException(status_code=401, detail="invalid credentials")
    now = datetime.now(timezone.utc)
    token = jwt.encode({"sub": str(uid), "jti": uuid.uuid4().hex, "iat": now, "exp": now + timedelta(hours=12)},
                       KEY, algorithm="HS256")
    return {"token": token}


@app.get("/auth/me")
def me(request: Request) -> dict:
    return {"user_id": int(claims(request)["sub"])}


@app.post("/auth/logout", status_code=204)
def logout(request: Request) -> None:
    data = claims(request)
    with db() as c:
        c.execute("INSERT OR IGNORE INTO revoked VALUES (?)", (data["jti"],))
