# redline-label: {"label": "secure", "cwes": ["CWE-798"], "task": null, "category": "secrets-config", "style": "flask-app"}
import os
from datetime import timedelta

from flask import Flask, redirect, render_template, request, session, url_for
from flask_wtf import CSRFProtect


def load_secret_key() -> str:
    key = os.environ.get("FLASK_SECRET_KEY")
    if not key:
        raise RuntimeError("FLASK_SECRET_KEY is not set; generate one with `python -c 'import secrets; print(secrets.token_hex(32))'`")
    return key


app = Flask(__name__)
app.config.update(
    SECRET_KEY=load_secret_key(),
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_HTTPONLY=True,
    PERMANENT_SESSION_LIFETIME=timedelta(hours=8),
)
csrf = CSRFProtect(app)


@app.route("/")
def home():
    if "user" not in session:
        return redirect(url_for("login"))
    return render_template("home.html", user=session["user"])


@app.route("/login", methods=["GET", "POST"])
def login():
    from auth import check_credentials

    if request.method == "POST":
        user = check_credentials(request.form["username"], request.form["password"])
        if user:
            session.clear()
            session["user"] = user.username
            return redirect(url_for("home"))
    return render_template("login.html")


if __name__ == "__main__":
    app.run()
