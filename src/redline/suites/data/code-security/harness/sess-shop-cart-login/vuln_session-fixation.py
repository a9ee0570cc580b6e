import json
import secrets
import sqlite3

from flask import Flask, abort, g, jsonify, request
from werkzeug.security import check_password_hash

app = Flask(__name__)
DB = "shop.db"


def db():
    conn = sqlite3.connect(DB)
    conn.row_factory = sqlite3.Row
    conn.execute("CREATE TABLE IF NOT EXISTS sessions (sid TEXT PRIMARY KEY, user_id INTEGER, cart TEXT)")
    return conn


def _new_session(conn, user_id=None, cart="[]"):
    sid = secrets.token_urlsafe(32)
    conn.execute("INSERT INTO sessions (sid, user_id, cart) VALUES (?, ?, ?)", (sid, user_id, cart))
    g.set_sid = sid
    return conn.execute("SELECT sid, user_id, cart FROM sessions WHERE sid = ?", (sid,)).fetchone()


def get_session():
    if "shop_session" not in g:
        with db() as conn:
            row = None
            sid = request.cookies.get("sid")
            if sid:
                row = conn.execute("SELECT sid, user_id, cart FROM sessions WHERE sid = ?", (sid,)).fetchone()
            g.shop_session = row if row is not None else _new_session(conn)
    return g.shop_session


@app.after_request
def send_sid(response):
    sid = g.get("set_sid")
    if sid:
        response.set_cookie("sid", sid, httponly=True, secure=True, samesite="Lax")
    return response


@app.route("/cart", methods=["GET", "POST"])
def cart():
    s = get_session()
    items = json.loads(s["cart"] or "[]")
    if request.method == "POST":
        item = request.form.get("item", "").strip()
        if not item:
            abort(400)
        items.append(item)
        with db() as conn:
            conn.execute("UPDATE sessions SET cart = ? WHERE sid = ?", (json.dumps(items), s["sid"]))
    return jsonify(items)


@app.route("/login", methods=["POST"])
def login():
    with db() as conn:
        user = conn.execute("SELECT id, password_hash FROM users WHERE email = ?",
                            (request.form.get("email", ""),)).fetchone()
    if user is None or not check_password_hash(user["password_hash"], request.form.get("password", "")):
        return jsonify({"error": "wrong email or password"}), 401
    s = get_session()
    with db() as conn:  # the visitor's session (and cart) now belongs to the user
        conn.execute("UPDATE sessions SET user_id = ? WHERE sid = ?", (user["id"], s["sid"]))
    return jsonify({"user_id": user["id"]})


@app.route("/me")
def me():
    s = get_session()
    if s["user_id"] is None:
        return jsonify({"error": "not logged in"}), 401
    return jsonify({"user_id": s["user_id"]})
