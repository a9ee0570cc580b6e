import sqlite3
from datetime import datetime, timezone

from flask import Flask, redirect, render_template_string, request, url_for
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
app.config["SECRET_KEY"] = "dev-only-key-replace-me"
csrf = CSRFProtect(app)

DB_PATH = "guestbook.db"
PAGE = """<!doctype html><title>Guestbook</title>
<form method="post" action="{{ url_for('guestbook') }}">
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <label>Name <input name="name" maxlength="80" required></label>
  <label>Message <textarea name="message" maxlength="1000" required></textarea></label>
  <button type="submit">Sign the guestbook</button>
</form>
<ul>{% for e in entries %}<li><strong>{{ e['name'] }}</strong> ({{ e['created_at'] }}): {{ e['message'] }}</li>{% endfor %}</ul>"""


def get_db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    conn.execute("""CREATE TABLE IF NOT EXISTS entries (
        id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, message TEXT NOT NULL, created_at TEXT NOT NULL)""")
    return conn


@app.route("/guestbook", methods=["GET", "POST"])
def guestbook():
    conn = get_db()
    try:
        if request.method == "POST":
            name = request.form.get("name", "").strip()
            message = request.form.get("message", "").strip()
            if name and message:
                conn.execute("INSERT INTO entries (name, message, created_at) VALUES (?, ?, ?)",
                             (name, message, datetime.now(timezone.utc).isoformat()))
                conn.commit()
            return redirect(url_for("guestbook"))
        entries = conn.execute("SELECT name, message, created_at FROM entries ORDER BY created_at DESC").fetchall()
        return render_template_string(PAGE, entries=entries)
    finally:
        conn.close()
