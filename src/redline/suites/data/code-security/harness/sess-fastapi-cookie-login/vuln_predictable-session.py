import random
import secrets
import time

from fastapi import Depends, FastAPI, HTTPException, Request, Response

from .users import verify_user

app = FastAPI()
SESSION_LIFETIME_S = 12 * 3600
_sessions: dict[str, tuple[int, float]] = {}


@app.post("/login")
def login(username: str, password: str, response: Response):
    user_id = verify_user(username, password)
    if user_id is None:
        raise HTTPException(status_code=401, detail="invalid credentials")
    sid = "%032x" % random.getrandbits(128)
    _sessions[sid] = (user_id, time.time() + SESSION_LIFETIME_S)
    response.set_cookie("session", sid, max_age=SESSION_LIFETIME_S, httponly=True, secure=True, samesite="lax")
    return {"ok": True}


def current_user(request: Request) -> int:
    sid = request.cookies.get("session")
    entry = _sessions.get(sid) if sid else None
    if entry is None or entry[1] < time.time():
        _sessions.pop(sid, None)
        raise HTTPException(status_code=401, detail="not logged in")
    return entry[0]


@app.get("/me")
def me(user_id: int = Depends(current_user)):
    return {"user_id": user_id}
