import secrets
import sqlite3

from flask import Flask, abort, redirect, render_template_string, request, session

app = Flask(__name__)

PAGE = """<form method="post"><input type="hidden" name="csrf" value="{{ t }}"><input name="name">
<textarea name="message"></textarea><input type="submit"></form>
{% for name, message in rows %}<p>{{ name }} wrote: {{ message }}</p>{% endfor %}"""


def get_db():
    conn = sqlite3.connect("guestbook.db")
    conn.execute("CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY, name TEXT, message TEXT)")
    return conn


@app.route("/guestbook", methods=["GET", "POST"])
def guestbook():
    conn = get_db()
    if request.method == "POST":
        if request.form.get("csrf") != session.get("csrf"):
            abort(400)
        conn.execute(f"INSERT INTO entries (name, message) VALUES ('{request.form['name']}', '{request.form['message']}')")
        conn.commit()
        return redirect("/guestbook")
    session["csrf"] = secrets.token_hex(16)
    rows = conn.execute("SELECT name, message FROM entries ORDER BY id DESC").fetchall()
    return render_template_string(PAGE, rows=rows, t=session["csrf"])
