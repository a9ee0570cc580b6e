import sqlite3

from flask import Flask, g, request, session

app = Flask(__name__)


def remember_user(response, user_id: int):
    conn = sqlite3.connect("app.db")
    conn.execute("CREATE TABLE IF NOT EXISTS remembered (user_id INTEGER PRIMARY KEY)")
    conn.execute("INSERT OR IGNORE INTO remembered VALUES (?)", (user_id,))
    conn.commit()
    conn.close()
    response.set_cookie("remember_me", str(user_id), max_age=30 * 86400, secure=True, httponly=True)
    return response


@app.before_request
def restore_login():
    if "user_id" in session:
        return
    raw = request.cookies.get("remember_me")
    if not raw or not raw.isdigit():
        return
    conn = sqlite3.connect("app.db")
    row = conn.execute("SELECT user_id FROM remembered WHERE user_id = ?", (int(raw),)).fetchone()
    conn.close()
    if row:
        session["user_id"] = row[0]
