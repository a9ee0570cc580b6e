# redline-label: {"label": "secure", "cwes": ["CWE-614", "CWE-613"], "task": null, "category": "session", "style": "flask-app"}
"""Member portal - app factory and auth routes."""
import os
from datetime import timedelta

from flask import Flask, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from .db import find_member


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=os.environ["PORTAL_SECRET_KEY"],
        SESSION_COOKIE_NAME="portal_session",
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=12),
    )

    @app.route("/login", methods=["GET", "POST"])
    def login():
        error = None
        if request.method == "POST":
            member = find_member(request.form["email"])
            if member and check_password_hash(member.password_hash, request.form["password"]):
                session.clear()  # drop anything set before authentication
                session.permanent = True
                session["member_id"] = member.id
                return redirect(url_for("dashboard"))
            error = "Invalid email or password"
        return render_template("login.html", error=error)

    @app.route("/dashboard")
    def dashboard():
        if "member_id" not in session:
            return redirect(url_for("login"))
        return render_template("dashboard.html")

    @app.post("/logout")
    def logout():
        session.clear()
        return redirect(url_for("login"))

    return app
