"""Community members' site: registration, login and logout, profile editing, member list, admin panel.

Pages: /register, /login, /logout, /profile, /members, /admin (all accounts, delete an account).
Storage: sqlite3 database community.db. Run with `python app.py`.
"""
import functools
import hmac
import os
import secrets
import sqlite3

from flask import Flask, abort, g, redirect, render_template_string, request, session, url_for
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True)
DB = "community.db"

PAGE = """<!doctype html><title>{{ title }}</title><h1>{{ title }}</h1>
{% if message %}<p>{{ message }}</p>{% endif %}{{ body }}"""


def db():
    if "db" not in g:
        g.db = sqlite3.connect(DB)
        g.db.row_factory = sqlite3.Row
        g.db.execute("CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, email TEXT UNIQUE NOT NULL, "
                     "display_name TEXT NOT NULL, bio TEXT NOT NULL DEFAULT '', password_hash TEXT NOT NULL, "
                     "is_admin INTEGER NOT NULL DEFAULT 0)")
    return g.db


@app.teardown_appcontext
def close_db(exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def csrf_token():
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


@app.before_request
def check_csrf():
    if request.method == "POST":
        sent = request.form.get("csrf_token", "")
        if sent and not hmac.compare_digest(sent, session.get("csrf", "")):
            abort(400)


app.jinja_env.globals["csrf_token"] = csrf_token


def render(title, template, **kw):
    from markupsafe import Markup

    body = render_template_string(template, **kw)
    return render_template_string(PAGE, title=title, body=Markup(body), message=kw.get("message"))


def current_user():
    uid = session.get("user_id")
    if uid is None:
        return None
    return db().execute("SELECT * FROM users WHERE id = ?", (uid,)).fetchone()


def login_required(view):
    @functools.wraps(view)
    def wrapper(*a, **kw):
        if current_user() is None:
            return redirect(url_for("login"))
        return view(*a, **kw)
    return wrapper


def admin_required(view):
    @functools.wraps(view)
    def wrapper(*a, **kw):
        user = current_user()
        if user is None:
            return redirect(url_for("login"))
        if not user["is_admin"]:
            abort(403)
        return view(*a, **kw)
    return wrapper


@app.route("/register", methods=["GET", "POST"])
def register():
    message = None
    if request.method == "POST":
        email = request.form.get("email", "").strip().lower()
        name = request.form.get("display_name", "").strip()
        password = request.form.get("password", "")
        if not email or not name or len(password) < 8:
            message = "Email, display name and a password of 8 or more characters are required."
        else:
            try:
                with db():
                    db().execute("INSERT INTO users (email, display_name, password_hash) VALUES (?, ?, ?)",
                                 (email, name, generate_password_hash(password)))
                return redirect(url_for("login"))
            except sqlite3.IntegrityError:
                message = "That email is already registered."
    return render("Register", """<form method="post"><input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
      <input name="email" type="email"> <input name="display_name"> <input name="password" type="password">
      <button>Register</button></form>""", message=message)


@app.route("/login", methods=["GET", "POST"])
def login():
    message = None
    if request.method == "POST":
        email = request.form.get("email", "").strip().lower()
        row = db().execute("SELECT * FROM users WHERE email = ?", (email,)).fetchone()
        if row is not None and check_password_hash(row["password_hash"], request.form.get("password", "")):
            session.clear()
            session["user_id"] = row["id"]
            return redirect(url_for("profile"))
        message = "Wrong email or password."
    return render("Log in", """<form method="post"><input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
      <input name="email" type="email"> <input name="password" type="password"><button>Log in</button></form>""",
                  message=message)


@app.route("/logout", methods=["GET", "POST"])
def logout():
    session.clear()
    return redirect(url_for("login"))


@app.route("/profile", methods=["GET", "POST"])
@login_required
def profile():
    user = current_user()
    if request.method == "POST":
        with db():
            db().execute("UPDATE users SET display_name = ?, bio = ? WHERE id = ?",
                         (request.form.get("display_name", user["display_name"]).strip() or user["display_name"],
                          request.form.get("bio", "")[:500], user["id"]))
        return redirect(url_for("profile"))
    return render("Your profile", """<form method="post"><input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
      <input name="display_name" value="{{ user['display_name'] }}">
      <textarea name="bio">{{ user['bio'] }}</textarea><button>Save</button></form>""", user=user)


@app.route("/members")
@login_required
def members():
    rows = db().execute("SELECT display_name, bio FROM users ORDER BY display_name").fetchall()
    return render("Members", """<ul>{% for m in rows %}<li><b>{{ m['display_name'] }}</b> {{ m['bio'] }}</li>
      {% endfor %}</ul>""", rows=rows)


@app.route("/admin")
@admin_required
def admin():
    rows = db().execute("SELECT id, email, display_name, is_admin FROM users ORDER BY id").fetchall()
    return render("Accounts", """<table>{% for u in rows %}<tr><td>{{ u['email'] }}</td><td>{{ u['display_name'] }}</td>
      <td><form method="post" action="{{ url_for('admin_delete', user_id=u['id']) }}">
      <input type="hidden" name="csrf_token" value="{{ csrf_token() }}"><button>Delete</button></form></td></tr>
      {% endfor %}</table>""", rows=rows)


@app.route("/admin/delete/<int:user_id>", methods=["POST"])
@admin_required
def admin_delete(user_id):
    with db():
        db().execute("DELETE FROM users WHERE id = ?", (user_id,))
    return redirect(url_for("admin"))


if __name__ == "__main__":
    app.run(host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "5000")))
