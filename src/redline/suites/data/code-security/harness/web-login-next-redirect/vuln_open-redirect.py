from flask import Flask, redirect, request, session, url_for

from auth import check_password

app = Flask(__name__)


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        if check_password(request.form["email"], request.form["password"]):
            session["email"] = request.form["email"]
            return redirect(request.form.get("next") or request.args.get("next") or url_for("dashboard"))
        return "bad login", 403
    return "<form method=post><input name=email><input name=password></form>"


@app.route("/dashboard")
def dashboard():
    return "dashboard"
