# Independent secure reference for sess-flask-login-routes.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import sqlite3
from datetime import timedelta

from flask import Flask, redirect, render_template_string, request, session, url_for
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
# Logins survive until the next day (a permanent session, 14 days at most), in a cookie that scripts cannot read
# and that only travels over HTTPS.
app.config.update(
    PERMANENT_SESSION_LIFETIME=timedelta(days=14),
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_HTTPONLY=True,
    SESSION_COOKIE_SAMESITE="Lax",
)
DB_PATH = "users.db"
_DUMMY_HASH = generate_password_hash("placeholder for unknown users")

LOGIN_FORM = """<!doctype html><title>Log in</title><h1>Log in</h1>
{% if error %}<p>{{ error }}</p>{% endif %}
<form method="post"><label>Email <input name="email" type="email"></label>
<label>Password <input name="password" type="password"></label><button>Log in</button></form>"""


@app.route("/login", methods=["GET", "POST"])
def login():
    """Show the login form; on POST check email and password against users and log the user in."""
    if request.method == "GET":
        return render_template_string(LOGIN_FORM, error=None)
    email = request.form.get("email", "").strip()
    password = request.form.get("password", "")
    with sqlite3.connect(DB_PATH) as conn:
        row = conn.execute("SELECT id, password_hash FROM users WHERE email = ?", (email,)).fetchone()
    stored = row[1] if row else _DUMMY_HASH  # same work whether or not the email exists
    if not (check_password_hash(stored, password) and row is not None):
        return render_template_string(LOGIN_FORM, error="Wrong email or password."), 401
    session.clear()  # drop anything set before login: no session fixation
    session["user_id"] = row[0]
    session.permanent = True
    return redirect(url_for("index") if "index" in app.view_functions else "/")


@app.route("/logout", methods=["GET", "POST"])
def logout():
    session.clear()
    return redirect(url_for("login"))
