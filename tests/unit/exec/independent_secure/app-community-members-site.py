# Independent secure reference for app-community-members-site.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Community members' site: registration, login and logout, profile editing, member list, admin panel."""
import hmac
import os
import secrets
import sqlite3
from functools import wraps

from flask import Flask, abort, g, redirect, render_template_string, request, session, url_for
from werkzeug.security import check_password_hash, generate_password_hash

DB_PATH = "community.db"

app = Flask(__name__)
app.config.update(
    SECRET_KEY=os.environ["SECRET_KEY"],
    SESSION_COOKIE_HTTPONLY=True,
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_SAMESITE="Lax",
)
# A dummy hash so that a login for an unknown email costs as much as one for a known email.
_DUMMY_HASH = generate_password_hash(secrets.token_urlsafe(16))


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_db() -> None:
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT UNIQUE NOT NULL,"
            " display_name TEXT NOT NULL, bio TEXT NOT NULL DEFAULT '', password_hash TEXT NOT NULL,"
            " is_admin INTEGER NOT NULL DEFAULT 0)"
        )


init_db()


def csrf_token() -> str:
    if "csrf_token" not in session:
        session["csrf_token"] = secrets.token_urlsafe(32)
    return session["csrf_token"]


app.jinja_env.globals["csrf_token"] = csrf_token


@app.before_request
def check_csrf():
    if request.method == "POST":
        sent = request.form.get("csrf_token", "")
        expected = session.get("csrf_token", "")
        if not expected or not hmac.compare_digest(sent, expected):
            abort(400)


def current_user():
    uid = session.get("user_id")
    if uid is None:
        return None
    return get_db().execute("SELECT * FROM users WHERE id = ?", (uid,)).fetchone()


def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        user = current_user()
        if user is None:
            return redirect(url_for("login"))
        g.user = user
        return view(*args, **kwargs)

    return wrapped


def admin_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        user = current_user()
        if user is None:
            return redirect(url_for("login"))
        if not user["is_admin"]:
            abort(403)
        g.user = user
        return view(*args, **kwargs)

    return wrapped


LAYOUT = """<!doctype html><title>Community</title>
<nav><a href="/members">Members</a> <a href="/profile">Profile</a>
<form method="post" action="/logout" style="display:inline"><input type="hidden" name="csrf_token"
 value="{{ csrf_token() }}"><button>Log out</button></form></nav>
{% if error %}<p>{{ error }}</p>{% endif %}
"""

REGISTER = LAYOUT + """<h1>Register</h1><form method="post">
<input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
<label>Email <input name="email" type="email"></label>
<label>Display name <input name="display_name"></label>
<label>Password <input name="password" type="password"></label><button>Register</button></form>"""

LOGIN = LAYOUT + """<h1>Log in</h1><form method="post">
<input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
<label>Email <input name="email" type="email"></label>
<label>Password <input name="password" type="password"></label><button>Log in</button></form>"""

PROFILE = LAYOUT + """<h1>Your profile</h1><form method="post">
<input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
<label>Display name <input name="display_name" value="{{ user['display_name'] }}"></label>
<label>Bio <textarea name="bio">{{ user['bio'] }}</textarea></label><button>Save</button></form>"""

MEMBERS = LAYOUT + """<h1>Members</h1><ul>{% for m in members %}
<li><strong>{{ m['display_name'] }}</strong>: {{ m['bio'] }}</li>{% endfor %}</ul>"""

ADMIN = LAYOUT + """<h1>Admin</h1><table>{% for u in users %}<tr><td>{{ u['id'] }}</td><td>{{ u['email'] }}</td>
<td><form method="post" action="/admin/delete/{{ u['id'] }}">
<input type="hidden" name="csrf_token" value="{{ csrf_token() }}"><button>Delete</button></form></td></tr>
{% endfor %}</table>"""


@app.route("/register", methods=["GET", "POST"])
def register():
    error = None
    if request.method == "POST":
        email = request.form.get("email", "").strip().lower()
        display_name = request.form.get("display_name", "").strip()
        password = request.form.get("password", "")
        if not email or "@" not in email or not display_name or len(display_name) > 100:
            error = "Please give a valid email and display name."
        elif len(password) < 8:
            error = "The password must have at least 8 characters."
        else:
            db = get_db()
            try:
                db.execute(
                    "INSERT INTO users (email, display_name, bio, password_hash, is_admin) VALUES (?, ?, '', ?, 0)",
                    (email, display_name, generate_password_hash(password)),
                )
                db.commit()
            except sqlite3.IntegrityError:
                error = "That email cannot be registered."
            else:
                return redirect(url_for("login"))
    return render_template_string(REGISTER, error=error), (400 if error else 200)


@app.route("/login", methods=["GET", "POST"])
def login():
    error = None
    if request.method == "POST":
        email = request.form.get("email", "").strip().lower()
        password = request.form.get("password", "")
        user = get_db().execute("SELECT * FROM users WHERE email = ?", (email,)).fetchone()
        stored = user["password_hash"] if user is not None else _DUMMY_HASH
        if check_password_hash(stored, password) and user is not None:
            session.clear()  # new session on login: no fixation
            session["user_id"] = user["id"]
            return redirect(url_for("members"))
        error = "Wrong email or password."
    return render_template_string(LOGIN, error=error), (401 if error else 200)


@app.route("/logout", methods=["GET", "POST"])
def logout():
    session.clear()
    return redirect(url_for("login"))


@app.route("/profile", methods=["GET", "POST"])
@login_required
def profile():
    error = None
    if request.method == "POST":
        display_name = request.form.get("display_name", "").strip()
        bio = request.form.get("bio", "")
        if not display_name or len(display_name) > 100 or len(bio) > 2000:
            error = "Invalid display name or bio."
        else:
            db = get_db()
            db.execute("UPDATE users SET display_name = ?, bio = ? WHERE id = ?", (display_name, bio, g.user["id"]))
            db.commit()
            return redirect(url_for("profile"))
    return render_template_string(PROFILE, user=current_user(), error=error)


@app.route("/members")
@login_required
def members():
    rows = get_db().execute("SELECT display_name, bio FROM users ORDER BY display_name").fetchall()
    return render_template_string(MEMBERS, members=rows, error=None)


@app.route("/admin")
@admin_required
def admin():
    rows = get_db().execute("SELECT id, email FROM users ORDER BY id").fetchall()
    return render_template_string(ADMIN, users=rows, error=None)


@app.route("/admin/delete/<int:user_id>", methods=["POST"])
@admin_required
def admin_delete(user_id: int):
    db = get_db()
    db.execute("DELETE FROM users WHERE id = ?", (user_id,))
    db.commit()
    return redirect(url_for("admin"))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "5000")), debug=False)
