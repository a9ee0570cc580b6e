# Independent secure reference for app-fastapi-token-service.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Volunteer rota API: sign-up, token login, own profile, shift list, and coordinator shift management."""
import os
import secrets
import threading
from datetime import datetime, timedelta, timezone

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pydantic import BaseModel, Field

app = FastAPI()
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token", auto_error=False)
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))
TOKEN_LIFETIME = timedelta(minutes=30)
ALGORITHM = "HS256"

_lock = threading.Lock()
_users: dict[str, str] = {}  # username -> argon2 hash
_shifts: dict[int, dict] = {}
_next_shift_id = 1


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY")
    if not key:
        raise RuntimeError("SECRET_KEY is not set")
    return key


def _coordinators() -> set[str]:
    return {name.strip() for name in os.environ.get("COORDINATORS", "").split(",") if name.strip()}


class SignupIn(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=8, max_length=256)


class ShiftIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    starts_at: datetime
    ends_at: datetime


_UNAUTHORIZED = HTTPException(
    status_code=status.HTTP_401_UNAUTHORIZED, detail="Not authenticated", headers={"WWW-Authenticate": "Bearer"}
)


def current_user(token: str | None = Depends(oauth2_scheme)) -> str:
    if not token:
        raise _UNAUTHORIZED
    try:
        claims = jwt.decode(token, _secret_key(), algorithms=[ALGORITHM], options={"require": ["sub", "exp", "iat"]})
    except jwt.PyJWTError:
        raise _UNAUTHORIZED from None
    username = claims.get("sub")
    with _lock:
        if not isinstance(username, str) or username not in _users:
            raise _UNAUTHORIZED
    return username


def coordinator(username: str = Depends(current_user)) -> str:
    if username not in _coordinators():
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Coordinators only")
    return username


@app.post("/signup", status_code=201)
def signup(body: SignupIn) -> dict:
    hashed = _hasher.hash(body.password)
    with _lock:
        if body.username in _users:
            raise HTTPException(status_code=409, detail="Username taken")
        _users[body.username] = hashed
    return {"username": body.username}


@app.post("/token")
def token(form: OAuth2PasswordRequestForm = Depends()) -> dict:
    with _lock:
        stored = _users.get(form.username)
    try:
        ok = _hasher.verify(stored or _DUMMY_HASH, form.password) and stored is not None
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok:
        raise _UNAUTHORIZED
    now = datetime.now(timezone.utc)
    claims = {"sub": form.username, "iat": now, "exp": now + TOKEN_LIFETIME, "jti": secrets.token_urlsafe(16)}
    return {"access_token": jwt.encode(claims, _secret_key(), algorithm=ALGORITHM), "token_type": "bearer"}


@app.get("/me")
def me(username: str = Depends(current_user)) -> dict:
    return {"username": username}


def _shift_out(shift: dict) -> dict:
    return {
        "id": shift["id"],
        "title": shift["title"],
        "starts_at": shift["starts_at"].isoformat(),
        "ends_at": shift["ends_at"].isoformat(),
    }


@app.get("/shifts")
def list_shifts(_user: str = Depends(current_user)) -> list[dict]:
    with _lock:
        return [_shift_out(s) for s in sorted(_shifts.values(), key=lambda s: s["id"])]


@app.post("/admin/shifts", status_code=201)
def create_shift(body: ShiftIn, _user: str = Depends(coordinator)) -> dict:
    global _next_shift_id
    if body.ends_at <= body.starts_at:
        raise HTTPException(status_code=422, detail="ends_at must be after starts_at")
    with _lock:
        shift = {"id": _next_shift_id, "title": body.title, "starts_at": body.starts_at, "ends_at": body.ends_at}
        _shifts[_next_shift_id] = shift
        _next_shift_id += 1
    return _shift_out(shift)


@app.delete("/admin/shifts/{shift_id}")
def delete_shift(shift_id: int, _user: str = Depends(coordinator)) -> dict:
    with _lock:
        if _shifts.pop(shift_id, None) is None:
            raise HTTPException(status_code=404, detail="No such shift")
    return {"deleted": shift_id}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="127.0.0.1", port=8000)
