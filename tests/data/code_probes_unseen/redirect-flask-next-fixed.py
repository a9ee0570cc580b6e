# probe: {"label": "secure", "cwes": ["CWE-601"]}
from urllib.parse import urlparse

from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)
app.secret_key = "change-me"


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        session["user"] = request.form["user"]
        target = request.args.get("next") or url_for("home")
        parts = urlparse(target)
        if parts.netloc or parts.scheme:
            target = url_for("home")
        return redirect(target)
    return "<form method=post><input name=user></form>"


@app.route("/")
def home():
    return "home"
