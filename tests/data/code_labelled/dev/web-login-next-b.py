# redline-label: {"label": "secure", "cwes": ["CWE-601"], "task": null, "category": "web-output", "style": "flask-app"}
import os
from urllib.parse import urljoin, urlparse

from flask import Flask, redirect, render_template, request, session, url_for
from flask_wtf.csrf import CSRFProtect

from accounts import verify_user

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
CSRFProtect(app)


def is_safe_redirect(target: str) -> bool:
    """Only allow redirects to pages on this host over http(s)."""
    if not target:
        return False
    host = urlparse(request.host_url)
    test = urlparse(urljoin(request.host_url, target))
    return test.scheme in ("http", "https") and test.netloc == host.netloc


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        user = verify_user(request.form["email"], request.form["password"])
        if user is None:
            return render_template("login.html", error="Wrong email or password"), 401
        session.clear()
        session["uid"] = user.id
        next_url = request.args.get("next", "")
        if not is_safe_redirect(next_url):
            next_url = url_for("dashboard")
        return redirect(next_url)
    return render_template("login.html")


@app.route("/dashboard")
def dashboard():
    if "uid" not in session:
        return redirect(url_for("login", next=request.path))
    return render_template("dashboard.html")
