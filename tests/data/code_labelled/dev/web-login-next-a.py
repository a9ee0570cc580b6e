# redline-label: {"label": "vulnerable", "cwes": ["CWE-601"], "task": null, "category": "web-output", "style": "flask-app"}
import os

from flask import Flask, redirect, render_template, request, session, url_for
from flask_wtf.csrf import CSRFProtect

from accounts import verify_user

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
CSRFProtect(app)


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        user = verify_user(request.form["email"], request.form["password"])
        if user is None:
            return render_template("login.html", error="Wrong email or password"), 401
        session.clear()
        session["uid"] = user.id
        # send the user back to the page that asked them to log in
        next_url = request.args.get("next") or url_for("dashboard")
        return redirect(next_url)
    return render_template("login.html")


@app.route("/dashboard")
def dashboard():
    if "uid" not in session:
        return redirect(url_for("login", next=request.path))
    return render_template("dashboard.html")
