# redline-label: {"label": "secure", "cwes": ["CWE-614", "CWE-1004"], "task": null, "category": "session", "style": "flask-app"}
import os
import secrets
import time

from flask import Flask, jsonify, make_response, request
from werkzeug.security import check_password_hash

app = Flask(__name__)

# session id -> (user id, expiry timestamp); swap for Redis in production
SESSIONS: dict[str, tuple[int, float]] = {}
SESSION_TTL = 60 * 60 * 8  # 8 hours

USERS = {
    # username: (id, password hash)
    "demo": (1, os.environ.get("DEMO_PASSWORD_HASH", "")),
}


@app.post("/login")
def login():
    body = request.get_json(silent=True) or {}
    user = USERS.get(body.get("username", ""))
    if not user or not user[1] or not check_password_hash(user[1], body.get("password", "")):
        return jsonify(error="invalid credentials"), 401

    sid = secrets.token_urlsafe(32)
    SESSIONS[sid] = (user[0], time.time() + SESSION_TTL)

    resp = make_response(jsonify(ok=True))
    resp.set_cookie(
        "sid",
        sid,
        max_age=SESSION_TTL,
        secure=True,
        httponly=True,
        samesite="Lax",
    )
    return resp


@app.get("/me")
def me():
    sid = request.cookies.get("sid")
    entry = SESSIONS.get(sid) if sid else None
    if entry is None or entry[1] < time.time():
        SESSIONS.pop(sid, None)
        return jsonify(error="not logged in"), 401
    return jsonify(user_id=entry[0])


@app.post("/logout")
def logout():
    SESSIONS.pop(request.cookies.get("sid", ""), None)
    resp = make_response(jsonify(ok=True))
    resp.delete_cookie("sid")
    return resp
