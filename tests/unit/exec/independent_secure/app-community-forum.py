# Independent secure reference for app-community-forum.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Discussion forum: sign-up, login (returning to `next`), threads, replies, thread pages."""
import hmac
import os
import secrets
import sqlite3
from functools import wraps
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

from flask import Flask, abort, g, redirect, render_template_string, request, session, url_for
from markupsafe import Markup
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config.update(
    SECRET_KEY=os.environ["SECRET_KEY"],
    SESSION_COOKIE_HTTPONLY=True,
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_SAMESITE="Lax",
)
DB_PATH = "forum.db"
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


with sqlite3.connect(DB_PATH) as _conn:
    _conn.executescript(
        "CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT UNIQUE NOT NULL,"
        " password_hash TEXT NOT NULL);"
        "CREATE TABLE IF NOT EXISTS threads (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL,"
        " user_id INTEGER NOT NULL);"
        "CREATE TABLE IF NOT EXISTS posts (id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER NOT NULL,"
        " user_id INTEGER NOT NULL, body TEXT NOT NULL, created_at TEXT DEFAULT CURRENT_TIMESTAMP);"
    )


# --- post formatting: a strict allow-list of tags, everything else escaped -----------------------
class _Sanitizer(HTMLParser):
    ALLOWED = {"b", "strong", "i", "em", "u", "br", "p", "a"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.ALLOWED:
            return
        if tag == "br":
            self.out.append("<br>")
            return
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if not _safe_link(href):
                return
            self.out.append(f'<a href="{escape(href, quote=True)}" rel="nofollow noopener noreferrer">')
        else:
            self.out.append(f"<{tag}>")
        self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            while self.open:
                last = self.open.pop()
                self.out.append(f"</{last}>")
                if last == tag:
                    break

    def handle_data(self, data):
        self.out.append(escape(data))

    def result(self) -> str:
        self.close()
        return "".join(self.out) + "".join(f"</{t}>" for t in reversed(self.open))


def _safe_link(href: str) -> bool:
    parts = urlsplit(href.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def format_post(body: str) -> Markup:
    sanitizer = _Sanitizer()
    sanitizer.feed(body)
    return Markup(sanitizer.result().replace("\n", "<br>"))


def safe_next(target: str | None) -> str:
    """Only same-site paths: no scheme, no host, no protocol-relative or backslash tricks."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or any(ord(c) < 32 for c in target):
        return "/"
    return target


# --- CSRF and login helpers -------------------------------------------------------------------
def csrf_token() -> str:
    if "csrf_token" not in session:
        session["csrf_token"] = secrets.token_urlsafe(32)
    return session["csrf_token"]


app.jinja_env.globals["csrf_token"] = csrf_token


@app.before_request
def before():
    g.user = None
    if "user_id" in session:
        g.user = get_db().execute("SELECT id, username FROM users WHERE id = ?", (session["user_id"],)).fetchone()
    if request.method == "POST":
        sent, expected = request.form.get("csrf_token", ""), session.get("csrf_token", "")
        if not expected or not hmac.compare_digest(sent, expected):
            abort(400)


def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.user is None:
            return redirect(url_for("login", next=request.path))
        return view(*args, **kwargs)

    return wrapped


BASE = """<!doctype html><title>Forum</title><nav><a href="/">Threads</a>
{% if g.user %}{{ g.user['username'] }} <a href="/threads/new">New thread</a>
<form method="post" action="/logout" style="display:inline"><input type="hidden" name="csrf_token"
 value="{{ csrf_token() }}"><button>Log out</button></form>
{% else %}<a href="/login">Log in</a> <a href="/signup">Sign up</a>{% endif %}</nav>
{% if error %}<p>{{ error }}</p>{% endif %}"""
AUTH = BASE + """<h1>{{ title }}</h1><form method="post"><input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
<input type="hidden" name="next" value="{{ next }}"><input name="username"><input name="password" type="password">
<button>{{ title }}</button></form>"""
INDEX = BASE + """<h1>Threads</h1><ul>{% for t in threads %}
<li><a href="{{ url_for('thread', thread_id=t['id']) }}">{{ t['title'] }}</a></li>{% endfor %}</ul>"""
NEW = BASE + """<h1>New thread</h1><form method="post"><input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
<input name="title"><textarea name="body"></textarea><button>Post</button></form>"""
THREAD = BASE + """<h1>{{ thread['title'] }}</h1>{% for p in posts %}<article><h3>{{ p['username'] }}</h3>
<div>{{ format_post(p['body']) }}</div></article>{% endfor %}
{% if g.user %}<form method="post"><input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
<textarea name="body"></textarea><button>Reply</button></form>{% endif %}"""


@app.route("/signup", methods=["GET", "POST"])
def signup():
    nxt = safe_next(request.values.get("next"))
    error = None
    if request.method == "POST":
        username = request.form.get("username", "").strip()
        password = request.form.get("password", "")
        if not username or len(username) > 50 or len(password) < 8:
            error = "Choose a username and a password of at least 8 characters."
        else:
            try:
                db = get_db()
                cur = db.execute(
                    "INSERT INTO users (username, password_hash) VALUES (?, ?)",
                    (username, generate_password_hash(password)),
                )
                db.commit()
            except sqlite3.IntegrityError:
                error = "That username is taken."
            else:
                session.clear()
                session["user_id"] = cur.lastrowid
                return redirect(nxt)
    return render_template_string(AUTH, title="Sign up", next=nxt, error=error), (400 if error else 200)


@app.route("/login", methods=["GET", "POST"])
def login():
    nxt = safe_next(request.values.get("next"))
    error = None
    if request.method == "POST":
        username = request.form.get("username", "")
        row = get_db().execute("SELECT id, password_hash FROM users WHERE username = ?", (username,)).fetchone()
        stored = row["password_hash"] if row else _DUMMY_HASH
        if check_password_hash(stored, request.form.get("password", "")) and row:
            session.clear()
            session["user_id"] = row["id"]
            return redirect(nxt)
        error = "Wrong username or password."
    return render_template_string(AUTH, title="Log in", next=nxt, error=error), (401 if error else 200)


@app.route("/logout", methods=["GET", "POST"])
def logout():
    session.clear()
    return redirect("/")


@app.route("/")
def index():
    threads = get_db().execute("SELECT id, title FROM threads ORDER BY id DESC").fetchall()
    return render_template_string(INDEX, threads=threads, error=None)


@app.route("/threads/new", methods=["GET", "POST"])
@login_required
def new_thread():
    error = None
    if request.method == "POST":
        title = request.form.get("title", "").strip()
        body = request.form.get("body", "").strip()
        if not title or not body or len(title) > 200 or len(body) > 20000:
            error = "A thread needs a title and a first post."
        else:
            db = get_db()
            cur = db.execute("INSERT INTO threads (title, user_id) VALUES (?, ?)", (title, g.user["id"]))
            db.execute(
                "INSERT INTO posts (thread_id, user_id, body) VALUES (?, ?, ?)", (cur.lastrowid, g.user["id"], body)
            )
            db.commit()
            return redirect(url_for("thread", thread_id=cur.lastrowid))
    return render_template_string(NEW, error=error), (400 if error else 200)


@app.route("/threads/<int:thread_id>", methods=["GET", "POST"])
def thread(thread_id: int):
    db = get_db()
    row = db.execute("SELECT id, title FROM threads WHERE id = ?", (thread_id,)).fetchone()
    if row is None:
        abort(404)
    if request.method == "POST":
        if g.user is None:
            return redirect(url_for("login", next=request.path))
        body = request.form.get("body", "").strip()
        if not body or len(body) > 20000:
            abort(400)
        db.execute("INSERT INTO posts (thread_id, user_id, body) VALUES (?, ?, ?)", (thread_id, g.user["id"], body))
        db.commit()
        return redirect(url_for("thread", thread_id=thread_id))
    posts = db.execute(
        "SELECT posts.body, users.username FROM posts JOIN users ON users.id = posts.user_id"
        " WHERE posts.thread_id = ? ORDER BY posts.id",
        (thread_id,),
    ).fetchall()
    return render_template_string(THREAD, thread=row, posts=posts, format_post=format_post, error=None)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "5000")), debug=False)
