# redline-label: {"label": "vulnerable", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "flask-app"}
import logging
import os
import secrets
from datetime import datetime, timedelta, timezone

from flask import Flask, jsonify, request, url_for

from mailer import send_mail
from models import PasswordReset, User, db

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
db.init_app(app)

log = logging.getLogger("accounts.reset")


@app.post("/password/forgot")
def forgot_password():
    email = (request.get_json(silent=True) or {}).get("email", "").strip().lower()
    user = User.query.filter_by(email=email).first()
    if user is not None:
        token = secrets.token_urlsafe(32)
        db.session.add(
            PasswordReset(
                user_id=user.id,
                token=token,
                expires_at=datetime.now(timezone.utc) + timedelta(minutes=30),
            )
        )
        db.session.commit()
        link = url_for("reset_password", token=token, _external=True)
        send_mail(user.email, "Reset your password", f"Use this link within 30 minutes: {link}")
        log.info(f"Password reset requested for user {user.id}, link sent: {link}")
    # same answer whether or not the account exists
    return jsonify(message="If that address is registered, a reset link is on its way."), 202


@app.get("/password/reset/<token>")
def reset_password(token):
    return jsonify(token_ok=PasswordReset.query.filter_by(token=token).first() is not None)
