import secrets
import sqlite3

from flask import Flask, abort, redirect, request, session

app = Flask(__name__)
conn = sqlite3.connect("guestbook.db", check_same_thread=False)
conn.execute("CREATE TABLE IF NOT EXISTS guestbook (name TEXT, message TEXT, created DATETIME DEFAULT CURRENT_TIMESTAMP)")


@app.route("/guestbook", methods=["GET", "POST"])
def guestbook():
    if request.method == "POST":
        if request.form.get("_token") != session.get("_token"):
            abort(403)
        conn.execute("INSERT INTO guestbook (name, message) VALUES (?, ?)", (request.form["name"], request.form["message"]))
        conn.commit()
        return redirect("/guestbook")
    session["_token"] = secrets.token_hex(8)
    rows = conn.execute("SELECT name, message FROM guestbook ORDER BY rowid DESC").fetchall()
    items = "".join(f"<li><b>{n}</b>: {m}</li>" for n, m in rows)
    return (f"<form method='post'><input type='hidden' name='_token' value='{session['_token']}'>"
            f"<input name='name'><textarea name='message'></textarea><button>Sign</button></form><ul>{items}</ul>")
