# redline-label: {"label": "vulnerable", "cwes": ["CWE-614", "CWE-1004"], "task": null, "category": "session", "style": "flask-app"}
import os
import secrets
import time

from flask import Flask, jsonify, make_response, request
from werkzeug.security import check_password_hash

app = Flask(__name__)

SESSIONS = {}
SESSION_TTL = 8 * 3600

USERS = {
    "demo": (1, os.environ.get("DEMO_PASSWORD_HASH", "")),
}


@app.route("/login", methods=["POST"])
def login():
    body = request.get_json(silent=True) or {}
    user = USERS.get(body.get("username", ""))
    if not user or not check_password_hash(user[1], body.get("password", "")):
        return jsonify(error="invalid credentials"), 401

    token = secrets.token_hex(32)
    SESSIONS[token] = (user[0], time.time() + SESSION_TTL)

    resp = make_response(jsonify(ok=True))
    # store the session token in a cookie so the browser sends it back
    resp.set_cookie("session_token", token, max_age=SESSION_TTL)
    return resp


@app.route("/me")
def me():
    token = request.cookies.get("session_token")
    entry = SESSIONS.get(token)
    if not entry or entry[1] < time.time():
        return jsonify(error="not logged in"), 401
    return jsonify(user_id=entry[0])


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080)
