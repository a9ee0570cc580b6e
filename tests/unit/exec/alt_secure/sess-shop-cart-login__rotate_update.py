import json
import secrets
import sqlite3

from flask import Flask, g, jsonify, make_response, request
from werkzeug.security import check_password_hash

app = Flask(__name__)


def conn():
    c = sqlite3.connect("shop.db")
    c.execute("CREATE TABLE IF NOT EXISTS sessions (sid TEXT PRIMARY KEY, user_id INTEGER, cart TEXT)")
    return c


def get_session():
    if "sess" in g:
        return g.sess
    sid = request.cookies.get("sid")
    with conn() as c:
        row = c.execute("SELECT sid, user_id, cart FROM sessions WHERE sid = ?", (sid,)).fetchone() if sid else None
        if row is None:
            row = (secrets.token_hex(32), None, "[]")
            c.execute("INSERT INTO sessions VALUES (?, ?, ?)", row)
            g.new_sid = row[0]
    g.sess = {"sid": row[0], "user_id": row[1], "cart": json.loads(row[2] or "[]")}
    return g.sess


@app.after_request
def cookie(resp):
    if g.get("new_sid"):
        resp.set_cookie("sid", g.new_sid, secure=True, httponly=True, samesite="Strict", max_age=30 * 86400)
    return resp


@app.post("/cart")
def add_to_cart():
    s = get_session()
    s["cart"].append(request.form["item"])
    with conn() as c:
        c.execute("UPDATE sessions SET cart = ? WHERE sid = ?", (json.dumps(s["cart"]), s["sid"]))
    return jsonify(s["cart"]), 201


@app.get("/cart")
def show_cart():
    return jsonify(get_session()["cart"])


@app.post("/login")
def login():
    s = get_session()
    with conn() as c:
        user = c.execute("SELECT id, password_hash FROM users WHERE email = ?", (request.form.get("email"),)).fetchone()
        if not user or not check_password_hash(user[1], request.form.get("password", "")):
            return make_response(jsonify(error="bad credentials"), 401)
        new_sid = secrets.token_hex(32)  # the same row under a new id: the old id stops working
        c.execute("UPDATE sessions SET sid = ?, user_id = ? WHERE sid = ?", (new_sid, user[0], s["sid"]))
    g.new_sid = new_sid
    return jsonify(ok=True)


@app.get("/me")
def me():
    s = get_session()
    if s["user_id"] is None:
        return jsonify(error="not logged in"), 401
    return jsonify(user_id=s["user_id"])
