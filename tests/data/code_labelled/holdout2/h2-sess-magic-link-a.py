# redline-label: {"label": "secure", "cwes": ["CWE-613"], "task": null, "category": "session", "style": "flask-app"}
import os
from datetime import timedelta

from flask import Flask, abort, redirect, request, session, url_for
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from mail import send_login_link
from users import find_or_create_user

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
app.config.update(
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_HTTPONLY=True,
    SESSION_COOKIE_SAMESITE="Lax",
    PERMANENT_SESSION_LIFETIME=timedelta(days=7),
)
signer = URLSafeTimedSerializer(app.secret_key, salt="magic-login")
LINK_MAX_AGE = 15 * 60


@app.post("/login/email")
def request_link():
    email = request.form["email"].strip().lower()
    token = signer.dumps({"email": email})
    send_login_link(email, url_for("consume_link", token=token, _external=True))
    return "Check your inbox."


@app.get("/login/magic/<token>")
def consume_link(token):
    try:
        data = signer.loads(token, max_age=LINK_MAX_AGE)
    except SignatureExpired:
        abort(410, description="This link has expired, request a new one.")
    except BadSignature:
        abort(400)
    user = find_or_create_user(data["email"])
    session.clear()
    session["uid"] = user.id
    session.permanent = True
    return redirect(url_for("home"))


@app.get("/")
def home():
    return "hello" if "uid" in session else redirect("/login")
