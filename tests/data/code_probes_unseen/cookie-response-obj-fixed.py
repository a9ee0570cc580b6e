# probe: {"label": "secure", "cwes": ["CWE-614"]}
from flask import Flask, redirect, request

app = Flask(__name__)


def attach_session(response, sid):
    response.set_cookie("sid", sid, httponly=True, secure=True, samesite="Lax")
    return response


@app.post("/sso/callback")
def sso_callback():
    sid = request.form["session"]
    return attach_session(redirect("/"), sid)
