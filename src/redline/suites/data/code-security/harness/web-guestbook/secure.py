import secrets
import sqlite3

from flask import Flask, abort, redirect, render_template_string, request, session, url_for

app = Flask(__name__)
DB = "guestbook.db"

PAGE = """<!doctype html><h1>Guestbook</h1>
<form method="post"><input type="hidden" name="csrf_token" value="{{ token }}">
<input name="name" required><textarea name="message" required></textarea><button>Sign</button></form>
{% for e in entries %}<div class="entry"><b>{{ e[0] }}</b><p>{{ e[1] }}</p></div>{% endfor %}"""


def db():
    conn = sqlite3.connect(DB)
    conn.execute("CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, message TEXT)")
    return conn


@app.route("/guestbook", methods=["GET", "POST"])
def guestbook():
    if request.method == "POST":
        if not secrets.compare_digest(request.form.get("csrf_token", ""), session.get("csrf_token", "-")):
            abort(400)
        with db() as conn:
            conn.execute("INSERT INTO entries (name, message) VALUES (?, ?)",
                         (request.form["name"][:100], request.form["message"][:2000]))
        return redirect(url_for("guestbook"))
    session.setdefault("csrf_token", secrets.token_urlsafe(24))
    with db() as conn:
        entries = conn.execute("SELECT name, message FROM entries ORDER BY id DESC").fetchall()
    return render_template_string(PAGE, entries=entries, token=session["csrf_token"])
