"""Discussion forum: sign-up, login (returning to `next`), threads, replies, thread pages.

Pages: /signup, /login, /logout, / (threads), /threads/new, /threads/<id> (posts and reply form).
Storage: sqlite3 forum.db.
"""
import functools
import hmac
import os
import re
import secrets
import sqlite3
from urllib.parse import urlsplit

from flask import Flask, abort, g, redirect, render_template_string, request, session, url_for
from markupsafe import Markup, escape
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config.update(SECRET_KEY="forum-dev-key-please-change", SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True,
                  SESSION_COOKIE_SAMESITE="Lax")
DB = "forum.db"
SCHEMA = """
CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, username TEXT UNIQUE NOT NULL, password_hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS threads (id INTEGER PRIMARY KEY, title TEXT NOT NULL, author_id INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS posts (id INTEGER PRIMARY KEY, thread_id INTEGER NOT NULL, author_id INTEGER NOT NULL,
                                  body TEXT NOT NULL);
"""


def db():
    if "db" not in g:
        g.db = sqlite3.connect(DB)
        g.db.row_factory = sqlite3.Row
        g.db.executescript(SCHEMA)
    return g.db


@app.teardown_appcontext
def close(exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def csrf_token():
    session.setdefault("csrf", secrets.token_urlsafe(32))
    return session["csrf"]


app.jinja_env.globals["csrf_token"] = csrf_token


@app.before_request
def check_csrf():
    if request.method == "POST":
        sent = request.form.get("csrf_token", "")
        if not sent or not hmac.compare_digest(sent, session.get("csrf", "")):
            abort(400)


def format_post(text):
    """Escape everything, then allow **bold** and [text](http(s)://...) links."""
    out = str(escape(text))
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    out = re.sub(r"\[([^\]]+)\]\((https?://[^\s)\"'<>]+)\)", r'<a href="\2" rel="nofollow noopener">\1</a>', out)
    return Markup(out.replace("\n", "<br>"))


def me():
    uid = session.get("uid")
    return db().execute("SELECT * FROM users WHERE id = ?", (uid,)).fetchone() if uid else None


def login_required(view):
    @functools.wraps(view)
    def wrapper(*a, **kw):
        if me() is None:
            return redirect(url_for("login", next=request.path))
        return view(*a, **kw)
    return wrapper


def local_target(value):
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return None
    parts = urlsplit(value)
    return value if not parts.scheme and not parts.netloc else None


FORM = """<!doctype html><h1>{{ title }}</h1>{% if error %}<p>{{ error }}</p>{% endif %}
<form method="post"><input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
{% for f in fields %}<label>{{ f }} <input name="{{ f }}" {% if f == 'password' %}type="password"{% endif %}></label>
{% endfor %}{% if next %}<input type="hidden" name="next" value="{{ next }}">{% endif %}<button>Go</button></form>"""


@app.route("/signup", methods=["GET", "POST"])
def signup():
    error = None
    if request.method == "POST":
        name, pw = request.form.get("username", "").strip(), request.form.get("password", "")
        if not name or len(pw) < 8:
            error = "A username and a password of 8 or more characters are required."
        else:
            try:
                with db():
                    db().execute("INSERT INTO users (username, password_hash) VALUES (?, ?)",
                                 (name, generate_password_hash(pw)))
                return redirect(url_for("login"))
            except sqlite3.IntegrityError:
                error = "That name is taken."
    return render_template_string(FORM, title="Sign up", fields=["username", "password"], error=error, next=None)


@app.route("/login", methods=["GET", "POST"])
def login():
    error = None
    nxt = request.values.get("next", "")
    if request.method == "POST":
        row = db().execute("SELECT * FROM users WHERE username = ?",
                           (request.form.get("username", ""),)).fetchone()
        if row and check_password_hash(row["password_hash"], request.form.get("password", "")):
            session.clear()
            session["uid"] = row["id"]
            return redirect(local_target(nxt) or url_for("index"))
        error = "Wrong username or password."
    return render_template_string(FORM, title="Log in", fields=["username", "password"], error=error, next=nxt)


@app.route("/logout", methods=["GET", "POST"])
def logout():
    session.clear()
    return redirect(url_for("index"))


@app.route("/")
def index():
    rows = db().execute("SELECT t.id, t.title, u.username FROM threads t JOIN users u ON u.id = t.author_id "
                        "ORDER BY t.id DESC").fetchall()
    return render_template_string("""<!doctype html><h1>Forum</h1><a href="{{ url_for('new_thread') }}">New thread</a>
      <ul>{% for t in rows %}<li><a href="{{ url_for('thread', thread_id=t['id']) }}">{{ t['title'] }}</a>
      by {{ t['username'] }}</li>{% endfor %}</ul>""", rows=rows)


@app.route("/threads/new", methods=["GET", "POST"])
@login_required
def new_thread():
    if request.method == "POST":
        title, body = request.form.get("title", "").strip(), request.form.get("body", "").strip()
        if title and body:
            with db():
                cur = db().execute("INSERT INTO threads (title, author_id) VALUES (?, ?)", (title, me()["id"]))
                db().execute("INSERT INTO posts (thread_id, author_id, body) VALUES (?, ?, ?)",
                             (cur.lastrowid, me()["id"], body))
            return redirect(url_for("thread", thread_id=cur.lastrowid))
    return render_template_string("""<!doctype html><h1>New thread</h1><form method="post">
      <input type="hidden" name="csrf_token" value="{{ csrf_token() }}"><input name="title">
      <textarea name="body"></textarea><button>Post</button></form>""")


@app.route("/threads/<int:thread_id>", methods=["GET", "POST"])
def thread(thread_id):
    t = db().execute("SELECT * FROM threads WHERE id = ?", (thread_id,)).fetchone()
    if t is None:
        abort(404)
    if request.method == "POST":
        if me() is None:
            return redirect(url_for("login", next=request.path))
        body = request.form.get("body", "").strip()
        if body:
            with db():
                db().execute("INSERT INTO posts (thread_id, author_id, body) VALUES (?, ?, ?)",
                             (thread_id, me()["id"], body))
        return redirect(url_for("thread", thread_id=thread_id))
    posts = db().execute("SELECT p.body, u.username FROM posts p JOIN users u ON u.id = p.author_id "
                         "WHERE p.thread_id = ? ORDER BY p.id", (thread_id,)).fetchall()
    return render_template_string("""<!doctype html><h1>{{ t['title'] }}</h1>
      {% for p in posts %}<article><h3>{{ p['username'] }}</h3><p>{{ fmt(p['body']) }}</p></article>{% endfor %}
      {% if me %}<form method="post"><input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
      <textarea name="body"></textarea><button>Reply</button></form>{% endif %}""",
                                  t=t, posts=posts, fmt=format_post, me=me())


if __name__ == "__main__":
    app.run(host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "5000")))
