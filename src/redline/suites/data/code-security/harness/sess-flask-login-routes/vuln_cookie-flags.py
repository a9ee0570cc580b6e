import sqlite3
from datetime import timedelta

from flask import Flask, redirect, render_template_string, request, session, url_for
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.config.update(PERMANENT_SESSION_LIFETIME=timedelta(days=14))

FORM = """<form method="post"><input name="email" type="email"><input name="password" type="password">
<button>Log in</button></form>{% if error %}<p>{{ error }}</p>{% endif %}"""


@app.route("/login", methods=["GET", "POST"])
def login():
    error = None
    if request.method == "POST":
        conn = sqlite3.connect("users.db")
        try:
            row = conn.execute("SELECT id, password_hash FROM users WHERE email = ?",
                               (request.form.get("email", "").strip().lower(),)).fetchone()
        finally:
            conn.close()
        if row and check_password_hash(row[1], request.form.get("password", "")):
            session.clear()
            session.permanent = True
            session["user_id"] = row[0]
            return redirect(url_for("index"))
        error = "Wrong email or password."
    return render_template_string(FORM, error=error)


@app.route("/logout", methods=["GET", "POST"])
def logout():
    session.clear()
    return redirect(url_for("login"))


@app.route("/")
def index():
    return "home"
