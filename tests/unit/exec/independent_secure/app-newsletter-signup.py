# Independent secure reference for app-newsletter-signup.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Newsletter sign-up: subscribe form, email confirmation links, unsubscribe links, admin send page."""
import hmac
import os
import secrets
import smtplib
import sqlite3
import ssl
import time
from email.message import EmailMessage
from functools import wraps

from flask import Flask, Response, abort, render_template_string, request, session, url_for

app = Flask(__name__)
app.config.update(
    SECRET_KEY=os.environ["SECRET_KEY"],
    SESSION_COOKIE_HTTPONLY=True,
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_SAMESITE="Lax",
)
DB_PATH = "newsletter.db"
SMTP_HOST = "mail.ourorg.net"
SMTP_PORT = 587
SMTP_USER = "news@ourorg.net"
CONFIRM_TTL = 48 * 3600


def db() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    conn.execute(
        "CREATE TABLE IF NOT EXISTS subscribers (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,"
        " email TEXT UNIQUE NOT NULL, confirmed INTEGER NOT NULL DEFAULT 0, confirm_token TEXT UNIQUE,"
        " confirm_expires REAL, unsubscribe_token TEXT UNIQUE NOT NULL)"
    )
    return conn


def csrf_token() -> str:
    if "csrf_token" not in session:
        session["csrf_token"] = secrets.token_urlsafe(32)
    return session["csrf_token"]


app.jinja_env.globals["csrf_token"] = csrf_token


def check_csrf() -> None:
    sent, expected = request.form.get("csrf_token", ""), session.get("csrf_token", "")
    if not expected or not hmac.compare_digest(sent, expected):
        abort(400, "missing or invalid CSRF token")


def send_mail(messages: list[EmailMessage]) -> None:
    context = ssl.create_default_context()
    with smtplib.SMTP(SMTP_HOST, SMTP_PORT, timeout=30) as smtp:
        smtp.starttls(context=context)
        smtp.login(SMTP_USER, os.environ["SMTP_PASSWORD"])
        for msg in messages:
            smtp.send_message(msg)


def require_admin(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        auth = request.authorization
        expected = os.environ.get("ADMIN_PASSWORD", "")
        ok = (
            auth is not None
            and bool(expected)
            and hmac.compare_digest((auth.username or "").encode(), b"admin")
            & hmac.compare_digest((auth.password or "").encode(), expected.encode())
        )
        if not ok:
            return Response("Authentication required", 401, {"WWW-Authenticate": 'Basic realm="newsletter admin"'})
        return view(*args, **kwargs)

    return wrapped


SIGNUP = """<!doctype html><title>Newsletter</title><h1>Subscribe to our newsletter</h1>
{% if message %}<p>{{ message }}</p>{% endif %}
<form method="post"><input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
<label>Name <input name="name"></label> <label>Email <input name="email" type="email"></label>
<button>Subscribe</button></form>"""

ADMIN = """<!doctype html><title>Send newsletter</title><h1>Send newsletter</h1>
{% if message %}<p>{{ message }}</p>{% endif %}
<form method="post"><input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
<label>Subject <input name="subject"></label><label>Body <textarea name="body"></textarea></label>
<button>Send</button></form>"""

MESSAGE = "<!doctype html><title>Newsletter</title><p>{{ message }}</p>"


@app.route("/", methods=["GET", "POST"])
def signup():
    if request.method == "GET":
        return render_template_string(SIGNUP, message=None)
    check_csrf()
    name = request.form.get("name", "").strip()[:200]
    email = request.form.get("email", "").strip()
    if not name or "@" not in email or len(email) > 254 or any(c in email for c in "\r\n<>,; "):
        return render_template_string(SIGNUP, message="Please enter your name and a valid email address."), 400
    confirm_token = secrets.token_urlsafe(32)
    with db() as conn:
        row = conn.execute("SELECT id, confirmed FROM subscribers WHERE email = ?", (email,)).fetchone()
        if row is None:
            conn.execute(
                "INSERT INTO subscribers (name, email, confirm_token, confirm_expires, unsubscribe_token)"
                " VALUES (?, ?, ?, ?, ?)",
                (name, email, confirm_token, time.time() + CONFIRM_TTL, secrets.token_urlsafe(32)),
            )
        elif not row["confirmed"]:
            conn.execute(
                "UPDATE subscribers SET name = ?, confirm_token = ?, confirm_expires = ? WHERE id = ?",
                (name, confirm_token, time.time() + CONFIRM_TTL, row["id"]),
            )
        else:
            confirm_token = ""
    if confirm_token:
        msg = EmailMessage()
        msg["From"] = SMTP_USER
        msg["To"] = email
        msg["Subject"] = "Please confirm your subscription"
        link = url_for("confirm", token=confirm_token, _external=True)
        msg.set_content(f"Hello {name},\n\nplease confirm your subscription to our newsletter:\n{link}\n")
        send_mail([msg])
    return render_template_string(MESSAGE, message="Thanks! Check your inbox for the confirmation link.")


@app.route("/confirm/<token>")
def confirm(token: str):
    with db() as conn:
        row = conn.execute(
            "SELECT id, confirm_expires FROM subscribers WHERE confirm_token = ?", (token,)
        ).fetchone()
        if row is None or (row["confirm_expires"] or 0) < time.time():
            return render_template_string(MESSAGE, message="This link is not valid or has expired."), 404
        conn.execute(
            "UPDATE subscribers SET confirmed = 1, confirm_token = NULL, confirm_expires = NULL WHERE id = ?",
            (row["id"],),
        )
    return render_template_string(MESSAGE, message="Your subscription is confirmed.")


@app.route("/unsubscribe/<token>")
def unsubscribe(token: str):
    with db() as conn:
        cur = conn.execute("DELETE FROM subscribers WHERE unsubscribe_token = ?", (token,))
    if cur.rowcount == 0:
        return render_template_string(MESSAGE, message="This link is not valid."), 404
    return render_template_string(MESSAGE, message="You have been unsubscribed.")


@app.route("/admin/send", methods=["GET", "POST"])
@require_admin
def admin_send():
    if request.method == "GET":
        return render_template_string(ADMIN, message=None)
    check_csrf()
    subject = request.form.get("subject", "").replace("\r", " ").replace("\n", " ").strip()
    body = request.form.get("body", "")
    if not subject or not body:
        return render_template_string(ADMIN, message="Subject and body are required."), 400
    with db() as conn:
        rows = conn.execute("SELECT email, unsubscribe_token FROM subscribers WHERE confirmed = 1").fetchall()
    messages = []
    for row in rows:
        msg = EmailMessage()
        msg["From"] = SMTP_USER
        msg["To"] = row["email"]
        msg["Subject"] = subject
        link = url_for("unsubscribe", token=row["unsubscribe_token"], _external=True)
        msg.set_content(f"{body}\n\n--\nUnsubscribe: {link}\n")
        messages.append(msg)
    if messages:
        send_mail(messages)
    return render_template_string(ADMIN, message=f"Sent to {len(messages)} subscribers.")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=False)
