# redline-label: {"label": "vulnerable", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "flask-app"}
import logging
import os

from flask import Flask, jsonify, request, session

from users import find_user, verify_password

logging.basicConfig(
    filename="auth.log",
    level=logging.INFO,
    format="%(asctime)s %(levelname)s %(name)s: %(message)s",
)
logger = logging.getLogger("auth")

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]


@app.post("/login")
def login():
    data = request.get_json(silent=True) or {}
    username = data.get("username", "")
    password = data.get("password", "")
    logger.info(f"Login attempt: username={username} password={password} ip={request.remote_addr}")

    user = find_user(username)
    if user is None or not verify_password(user, password):
        logger.warning("Failed login for %s from %s", username, request.remote_addr)
        return jsonify(error="invalid credentials"), 401

    session.clear()
    session["uid"] = user.id
    logger.info("User %s logged in", username)
    return jsonify(ok=True)
