"""Newsletter sign-up: subscribe form, email confirmation links, unsubscribe links, admin send page."""
import hmac
import os
import secrets
import smtplib
import sqlite3
from email.message import EmailMessage

from flask import Flask, abort, redirect, render_template_string, request, session, url_for

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
DB = "newsletter.db"
SMTP_HOST, SMTP_USER = "mail.ourorg.net", "news@ourorg.net"


def db():
    conn = sqlite3.connect(DB)
    conn.execute("CREATE TABLE IF NOT EXISTS subscribers (id INTEGER PRIMARY KEY, name TEXT, email TEXT UNIQUE, "
                 "confirmed INTEGER DEFAULT 0, confirm_token TEXT UNIQUE, unsubscribe_token TEXT UNIQUE)")
    return conn


def mail(to, subject, text):
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = SMTP_USER, to, subject
    msg.set_content(text)
    with smtplib.SMTP(SMTP_HOST, 587, timeout=30) as smtp:
        smtp.starttls()
        smtp.login(SMTP_USER, os.environ["SMTP_PASSWORD"])
        smtp.send_message(msg)


@app.route("/", methods=["GET", "POST"])
def signup():
    if request.method == "POST":
        name = request.form.get("name", "").strip()[:100]
        email = request.form.get("email", "").strip().lower()
        if name and "@" in email:
            confirm, unsub = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
            with db() as conn:
                conn.execute("INSERT OR REPLACE INTO subscribers (name, email, confirmed, confirm_token, "
                             "unsubscribe_token) VALUES (?, ?, 0, ?, ?)", (name, email, confirm, unsub))
            mail(email, "Please confirm your subscription",
                 f"Hello {name},\n\nconfirm here: {url_for('confirm', token=confirm, _external=True)}\n")
            return render_template_string("<p>Thanks, {{ name }}! Check your inbox.</p>", name=name)
    return render_template_string("""<form method="post"><input name="name"><input name="email" type="email">
      <button>Subscribe</button></form>""")


@app.route("/confirm/<token>")
def confirm(token):
    with db() as conn:
        n = conn.execute("UPDATE subscribers SET confirmed = 1 WHERE confirm_token = ?", (token,)).rowcount
    return ("Subscription confirmed." if n else "Unknown link."), (200 if n else 404)


@app.route("/unsubscribe/<token>")
def unsubscribe(token):
    with db() as conn:
        n = conn.execute("DELETE FROM subscribers WHERE unsubscribe_token = ?", (token,)).rowcount
    return ("You are unsubscribed." if n else "Unknown link."), (200 if n else 404)


def admin_ok():
    auth = request.authorization
    expected = os.environ.get("ADMIN_PASSWORD", "")
    return bool(auth and expected and auth.username == "admin"
                and hmac.compare_digest((auth.password or "").encode(), expected.encode()))


@app.route("/admin/send", methods=["GET", "POST"])
def admin_send():
    if not admin_ok():
        return "Login required", 401, {"WWW-Authenticate": 'Basic realm="newsletter admin"'}
    if request.method == "POST":
        if "csrf_token" in request.form and not hmac.compare_digest(request.form["csrf_token"], session.get("csrf_token", "-")):
            abort(400)
        subject, body = request.form.get("subject", ""), request.form.get("body", "")
        with db() as conn:
            rows = conn.execute("SELECT email, unsubscribe_token FROM subscribers WHERE confirmed = 1").fetchall()
        for email, unsub in rows:
            mail(email, subject, f"{body}\n\nUnsubscribe: {url_for('unsubscribe', token=unsub, _external=True)}\n")
        return render_template_string("<p>Sent to {{ n }} subscribers.</p>", n=len(rows))
    session.setdefault("csrf_token", secrets.token_urlsafe(32))
    with db() as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM subscribers ORDER BY id")]
    return render_template_string("""<ul>{% for n in names %}<li>{{ n }}</li>{% endfor %}</ul>
      <form method="post"><input type="hidden" name="csrf_token" value="{{ session['csrf_token'] }}">
      <input name="subject"><textarea name="body"></textarea><button>Send</button></form>""", names=names)


if __name__ == "__main__":
    app.run()
