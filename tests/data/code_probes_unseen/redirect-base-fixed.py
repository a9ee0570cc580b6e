# probe: {"label": "secure", "cwes": ["CWE-601"]}
from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.route("/lang/<code>")
def set_language(code):
    request.args.get("origin", "")
    response = redirect(url_for("home", lang=code))
    response.set_cookie("lang", code, secure=True, httponly=True)
    return response


@app.route("/home")
def home():
    return "home"
