# redline-label: {"label": "vulnerable", "cwes": ["CWE-798"], "task": null, "category": "secrets-config", "style": "flask-app"}
from datetime import timedelta

from flask import Flask, redirect, render_template, request, session, url_for
from flask_wtf import CSRFProtect

app = Flask(__name__)
app.config["SECRET_KEY"] = "dev-123-change-me"
app.config["SESSION_COOKIE_SECURE"] = True
app.config["SESSION_COOKIE_HTTPONLY"] = True
app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(hours=8)
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
