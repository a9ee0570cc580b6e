# Independent secure reference for web-guestbook.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Guestbook: entries escaped on output, stored with bound parameters, form protected by a CSRF token."""
import hmac
import os
import secrets
import sqlite3

from flask import Flask, abort, redirect, render_template_string, request, session, url_for

app = Flask(__name__)
# The real key comes from the environment; without one, a random key per process (sessions reset on restart).
app.secret_key = os.environ.get("SECRET_KEY") or secrets.token_hex(32)
app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")
DB_PATH = "guestbook.db"
MAX_NAME, MAX_MESSAGE = 100, 2000


def _db() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,"
        " message TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)"
    )
    return conn


_db().close()


def _csrf_token() -> str:
    if "csrf_token" not in session:
        session["csrf_token"] = secrets.token_urlsafe(32)
    return session["csrf_token"]


PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Guestbook</title></head><body>
<h1>Guestbook</h1>
{% if error %}<p class="error">{{ error }}</p>{% endif %}
<form method="post" action="{{ url_for('guestbook') }}">
<input type="hidden" name="csrf_token" value="{{ csrf_token }}">
<label>Name <input name="name" maxlength="100" required></label>
<label>Message <textarea name="message" maxlength="2000" required></textarea></label>
<button>Sign the guestbook</button></form>
{% for e in entries %}<div class="entry"><strong>{{ e[0] }}</strong> <small>{{ e[2] }}</small><p>{{ e[1] }}</p></div>
{% endfor %}</body></html>"""


@app.route("/guestbook", methods=["GET", "POST"])
def guestbook():
    """Show the form and all entries (newest first); on POST store the new entry (fields name, message)."""
    error = None
    if request.method == "POST":
        sent, expected = request.form.get("csrf_token", ""), session.get("csrf_token", "")
        if not expected or not hmac.compare_digest(sent, expected):
            abort(400, "missing or invalid CSRF token")
        name = request.form.get("name", "").strip()
        message = request.form.get("message", "").strip()
        if not name or not message or len(name) > MAX_NAME or len(message) > MAX_MESSAGE:
            error = "Please enter a name and a message."
        else:
            with _db() as conn:
                conn.execute("INSERT INTO entries (name, message) VALUES (?, ?)", (name, message))
            return redirect(url_for("guestbook"))
    with _db() as conn:
        entries = conn.execute("SELECT name, message, created_at FROM entries ORDER BY id DESC").fetchall()
    html = render_template_string(PAGE, entries=entries, error=error, csrf_token=_csrf_token())
    return html, (400 if error else 200)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=False)
