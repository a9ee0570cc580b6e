# redline-label: {"label": "vulnerable", "cwes": ["CWE-614", "CWE-613"], "task": null, "category": "session", "style": "flask-app"}
"""Member portal - app factory and auth routes."""
import os

from flask import Flask, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from .db import find_member


def create_app():
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=os.environ["PORTAL_SECRET_KEY"],
        SESSION_COOKIE_NAME="portal_session",
        SESSION_COOKIE_SECURE=False,  # we are behind a proxy; keep it simple
        SESSION_COOKIE_HTTPONLY=True,
    )

    @app.route("/login", methods=["GET", "POST"])
    def login():
        error = None
        if request.method == "POST":
            member = find_member(request.form["email"])
            if member and check_password_hash(member.password_hash, request.form["password"]):
                session.clear()
                session.permanent = True  # keep users logged in across browser restarts
                session["member_id"] = member.id
                return redirect(url_for("dashboard"))
            error = "Invalid email or password"
        return render_template("login.html", error=error)

    @app.route("/dashboard")
    def dashboard():
        if "member_id" not in session:
            return redirect(url_for("login"))
        return render_template("dashboard.html")

    @app.route("/logout")
    def logout():
        session.clear()
        return redirect(url_for("login"))

    return app
