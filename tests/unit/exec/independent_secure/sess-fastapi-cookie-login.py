# Independent secure reference for sess-fastapi-cookie-login.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import secrets
import threading
import time

from fastapi import Depends, FastAPI, HTTPException, Request, Response

from .users import verify_user

app = FastAPI()
COOKIE_NAME = "session"
SESSION_SECONDS = 8 * 3600
_sessions: dict[str, tuple[int, float]] = {}  # random session id -> (user id, expiry)
_lock = threading.Lock()


@app.post("/login")
def login(username: str, password: str, response: Response):
    """Check the credentials with verify_user() and set the session cookie."""
    user_id = verify_user(username, password)
    if user_id is None:
        raise HTTPException(status_code=401, detail="Invalid username or password")
    session_id = secrets.token_urlsafe(32)  # unguessable, and new at every login
    now = time.time()
    with _lock:
        for sid in [s for s, (_u, exp) in _sessions.items() if exp < now]:
            del _sessions[sid]
        _sessions[session_id] = (int(user_id), now + SESSION_SECONDS)
    response.set_cookie(
        COOKIE_NAME,
        session_id,
        max_age=SESSION_SECONDS,
        httponly=True,
        secure=True,
        samesite="lax",
        path="/",
    )
    return {"ok": True}


def current_user(request: Request) -> int:
    session_id = request.cookies.get(COOKIE_NAME)
    if not session_id:
        raise HTTPException(status_code=401, detail="Not logged in")
    with _lock:
        entry = _sessions.get(session_id)
        if entry is None or entry[1] < time.time():
            _sessions.pop(session_id, None)
            raise HTTPException(status_code=401, detail="Session expired or invalid")
        return entry[0]


@app.post("/logout")
def logout(request: Request, response: Response, _user: int = Depends(current_user)):
    with _lock:
        _sessions.pop(request.cookies.get(COOKIE_NAME, ""), None)
    response.delete_cookie(COOKIE_NAME, path="/", secure=True, httponly=True, samesite="lax")
    return {"ok": True}
