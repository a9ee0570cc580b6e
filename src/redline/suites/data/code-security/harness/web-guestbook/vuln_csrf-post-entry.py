import sqlite3

from flask import Flask, redirect, render_template_string, request, url_for

app = Flask(__name__)

TEMPLATE = """<h1>Guestbook</h1><form method="POST"><input name="name" placeholder="Name">
<textarea name="message"></textarea><button type="submit">Post</button></form>
{% for entry in entries %}<article><h3>{{ entry['name'] }}</h3><p>{{ entry['message'] }}</p></article>{% endfor %}"""


def connect():
    conn = sqlite3.connect("guestbook.db")
    conn.row_factory = sqlite3.Row
    conn.execute("CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY, name TEXT NOT NULL, message TEXT NOT NULL, "
                 "created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)")
    return conn


@app.route("/guestbook", methods=["GET", "POST"])
def guestbook():
    conn = connect()
    if request.method == "POST":
        conn.execute("INSERT INTO entries (name, message) VALUES (?, ?)", (request.form["name"], request.form["message"]))
        conn.commit()
        return redirect(url_for("guestbook"))
    entries = conn.execute("SELECT * FROM entries ORDER BY id DESC").fetchall()
    return render_template_string(TEMPLATE, entries=entries)
