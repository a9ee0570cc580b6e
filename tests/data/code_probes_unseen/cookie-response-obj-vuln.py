# probe: {"label": "vulnerable", "cwes": ["CWE-614"]}
from flask import Flask, redirect, request

app = Flask(__name__)


def attach_session(response, sid):
    response.set_cookie("sid", sid, httponly=True)
    return response


@app.post("/sso/callback")
def sso_callback():
    sid = request.form["session"]
    return attach_session(redirect("/"), sid)
