# redline-label: {"label": "vulnerable", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "flask-app"}
import os

from flask import Flask, flash, redirect, render_template, request, session, url_for
from flask_wtf import CSRFProtect
from werkzeug.security import check_password_hash

from db import get_member_by_email

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
CSRFProtect(app)


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html")

    form = request.form.to_dict()
    app.logger.debug("login form submitted: %s", form)

    member = get_member_by_email(form.get("email", ""))
    if member is None or not check_password_hash(member["password_hash"], form.get("password", "")):
        app.logger.info("login failed for %s", form.get("email"))
        flash("Wrong email or password")
        return redirect(url_for("login"))

    session.clear()
    session["member_id"] = member["id"]
    return redirect(url_for("dashboard"))


@app.get("/dashboard")
def dashboard():
    return render_template("dashboard.html")
