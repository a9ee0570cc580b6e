import json
import sqlite3

from flask import Flask, g, jsonify, request
from werkzeug.security import check_password_hash

app = Flask(__name__)


def db():
    c = sqlite3.connect("shop.db")
    c.execute("CREATE TABLE IF NOT EXISTS sessions (sid TEXT PRIMARY KEY, user_id INTEGER, cart TEXT)")
    return c


def next_sid(c):
    return str(c.execute("SELECT COALESCE(MAX(CAST(sid AS INTEGER)), 1000) + 1 FROM sessions").fetchone()[0])


def get_session():
    if "row" not in g:
        sid = request.cookies.get("sid")
        with db() as c:
            row = c.execute("SELECT sid, user_id, cart FROM sessions WHERE sid = ?", (sid,)).fetchone() if sid else None
            if row is None:
                row = (next_sid(c), None, "[]")
                c.execute("INSERT INTO sessions VALUES (?, ?, ?)", row)
                g.set_sid = row[0]
        g.row = row
    return g.row


@app.after_request
def set_sid(resp):
    if g.get("set_sid"):
        resp.set_cookie("sid", g.set_sid, httponly=True, secure=True)
    return resp


@app.route("/cart", methods=["GET", "POST"])
def cart():
    sid, _, items = get_session()
    items = json.loads(items)
    if request.method == "POST":
        items.append(request.form["item"])
        with db() as c:
            c.execute("UPDATE sessions SET cart = ? WHERE sid = ?", (json.dumps(items), sid))
    return jsonify(items)


@app.route("/login", methods=["POST"])
def login():
    sid, _, items = get_session()
    with db() as c:
        user = c.execute("SELECT id, password_hash FROM users WHERE email = ?", (request.form["email"],)).fetchone()
        if not user or not check_password_hash(user[1], request.form["password"]):
            return jsonify(error="bad login"), 401
        new_sid = next_sid(c)
        c.execute("DELETE FROM sessions WHERE sid = ?", (sid,))
        c.execute("INSERT INTO sessions VALUES (?, ?, ?)", (new_sid, user[0], items))
    g.set_sid = new_sid
    return jsonify(user_id=user[0])


@app.route("/me")
def me():
    _, user_id, _ = get_session()
    if user_id is None:
        return jsonify(error="login required"), 401
    return jsonify(user_id=user_id)
