# probe: {"label": "vulnerable", "cwes": ["CWE-614"]}
import secrets

from flask import Flask, make_response, request

app = Flask(__name__)
TOKENS = {}


@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    token = secrets.token_urlsafe(32)
    TOKENS[token] = user
    resp = make_response({"ok": True})
    resp.set_cookie("session_token", token, httponly=True, samesite="Lax")
    return resp
