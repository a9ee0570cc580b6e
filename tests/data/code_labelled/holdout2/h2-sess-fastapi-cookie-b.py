# redline-label: {"label": "vulnerable", "cwes": ["CWE-614", "CWE-1004", "CWE-613"], "task": null, "category": "session", "style": "fastapi-app"}
import secrets

import redis
from fastapi import Cookie, Depends, FastAPI, Form, HTTPException, Response

from .auth import authenticate

app = FastAPI()
store = redis.Redis.from_url("redis://localhost:6379/2", decode_responses=True)

SESSION_COOKIE = "sid"
SESSION_TTL = 60 * 60 * 8  # one working day


@app.post("/login")
def login(response: Response, username: str = Form(...), password: str = Form(...)):
    user = authenticate(username, password)
    if user is None:
        raise HTTPException(status_code=401, detail="bad credentials")
    sid = secrets.token_urlsafe(32)
    store.setex(f"session:{sid}", SESSION_TTL, str(user.id))
    response.set_cookie(SESSION_COOKIE, sid, max_age=SESSION_TTL, samesite="lax")
    return {"ok": True}


def current_user_id(sid: str | None = Cookie(default=None)) -> int:
    user_id = store.get(f"session:{sid}") if sid else None
    if user_id is None:
        raise HTTPException(status_code=401)
    return int(user_id)


@app.post("/logout")
def logout(response: Response, sid: str | None = Cookie(default=None)):
    if sid:
        store.delete(f"session:{sid}")
    response.delete_cookie(SESSION_COOKIE)
    return {"ok": True}


@app.get("/me")
def me(user_id: int = Depends(current_user_id)):
    return {"user_id": user_id}
