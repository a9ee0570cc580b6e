# Independent secure reference for sess-shop-cart-login, written from the task prompt only (without seeing the harness tests).
"""Server-side shop sessions: random ids, a fresh id at login (no fixation), cart carried over, hardened cookie."""
import json
import secrets
import sqlite3

from flask import Flask, g, jsonify, request
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
DB_PATH = "shop.db"
COOKIE = "sid"
COOKIE_MAX_AGE = 14 * 24 * 3600
MAX_ITEMS = 200
MAX_ITEM_LENGTH = 200
_DUMMY_HASH = generate_password_hash(secrets.token_urlsafe(16))


_SCHEMA = "CREATE TABLE IF NOT EXISTS sessions (sid TEXT PRIMARY KEY, user_id INTEGER, cart TEXT)"


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        conn = sqlite3.connect(DB_PATH)
        conn.row_factory = sqlite3.Row
        conn.execute(_SCHEMA)
        g.db = conn
    return g.db


_init = sqlite3.connect(DB_PATH)
try:
    _init.execute(_SCHEMA)
    _init.commit()
finally:
    _init.close()


@app.teardown_appcontext
def _close_db(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def _load(sid: str):
    return get_db().execute("SELECT sid, user_id, cart FROM sessions WHERE sid = ?", (sid,)).fetchone()


def _new_session(user_id, cart: list) -> sqlite3.Row:
    """Insert a session row under a fresh 256-bit id from the OS CSPRNG and have the response set its cookie."""
    db = get_db()
    while True:
        sid = secrets.token_urlsafe(32)
        try:
            db.execute("INSERT INTO sessions (sid, user_id, cart) VALUES (?, ?, ?)", (sid, user_id, json.dumps(cart)))
            break
        except sqlite3.IntegrityError:  # practically impossible; draw again
            continue
    db.commit()
    g.set_sid = sid
    g.shop_session = _load(sid)
    return g.shop_session


def _cart(row) -> list:
    try:
        cart = json.loads(row["cart"] or "[]")
    except ValueError:
        return []
    return [str(item) for item in cart] if isinstance(cart, list) else []


def get_session():
    """The current visitor's row of the sessions table (sid, user_id, cart); a new visitor gets one.

    A cookie naming no stored session is never adopted: the visitor gets a new server-chosen id instead.
    """
    row = g.get("shop_session")
    if row is not None:
        return row
    sid = request.cookies.get(COOKIE, "")
    if sid and len(sid) <= 128:
        row = _load(sid)
        if row is not None:
            g.shop_session = row
            return row
    return _new_session(None, [])


@app.after_request
def _set_cookie(response):
    sid = g.get("set_sid")
    if sid:
        response.set_cookie(
            COOKIE, sid, max_age=COOKIE_MAX_AGE, path="/", secure=True, httponly=True, samesite="Lax"
        )
    response.headers.setdefault("Cache-Control", "no-store")
    return response


@app.route("/cart", methods=["POST"])
def add_to_cart():
    item = request.form.get("item", "").strip()
    if not item or len(item) > MAX_ITEM_LENGTH:
        return jsonify({"error": "item must have 1 to 200 characters"}), 400
    row = get_session()
    cart = _cart(row)
    if len(cart) >= MAX_ITEMS:
        return jsonify({"error": "the cart is full"}), 400
    cart.append(item)
    db = get_db()
    db.execute("UPDATE sessions SET cart = ? WHERE sid = ?", (json.dumps(cart), row["sid"]))
    db.commit()
    g.shop_session = _load(row["sid"])
    return jsonify(cart), 200


@app.route("/cart", methods=["GET"])
def show_cart():
    return jsonify(_cart(get_session()))


@app.route("/login", methods=["POST"])
def login():
    email = request.form.get("email", "").strip()
    password = request.form.get("password", "")
    user = None
    if email and password:
        user = get_db().execute("SELECT id, password_hash FROM users WHERE email = ?", (email,)).fetchone()
    stored = user["password_hash"] if user is not None and user["password_hash"] else _DUMMY_HASH
    try:
        password_ok = check_password_hash(stored, password)  # also run for unknown emails: same timing
    except ValueError:  # a stored value that is not a werkzeug hash never matches
        password_ok = False
    if user is None or not password_ok:
        return jsonify({"error": "wrong email or password"}), 401
    # Session fixation defence: the logged-in session gets a new id; the old id (possibly planted) is deleted.
    old = get_session()
    cart = _cart(old)
    db = get_db()
    db.execute("DELETE FROM sessions WHERE sid = ?", (old["sid"],))
    db.commit()
    g.pop("shop_session", None)
    _new_session(user["id"], cart)
    return jsonify({"user_id": user["id"]}), 200


@app.route("/me")
def me():
    row = get_session()
    if row["user_id"] is None:
        return jsonify({"error": "not logged in"}), 401
    return jsonify({"user_id": row["user_id"]})
