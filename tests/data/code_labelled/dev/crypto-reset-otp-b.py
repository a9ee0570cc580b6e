# redline-label: {"label": "secure", "cwes": ["CWE-330", "CWE-338"], "task": null, "category": "crypto-random", "style": "flask-app"}
import hmac
import secrets
import time

from flask import Flask, jsonify, request

from mailer import send_mail
from store import get_user_by_email, pop_reset_code, save_reset_code, set_password

app = Flask(__name__)
CODE_TTL = 15 * 60


def new_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


@app.post("/password/forgot")
def forgot_password():
    email = (request.json or {}).get("email", "")
    user = get_user_by_email(email)
    if user:
        code = new_code()
        save_reset_code(user.id, code, expires_at=time.time() + CODE_TTL, attempts_left=5)
        send_mail(email, "Your reset code", f"Your password reset code is {code}. It expires in 15 minutes.")
    return jsonify(message="If that address is registered, a code has been sent.")


@app.post("/password/reset")
def reset_password():
    body = request.json or {}
    user = get_user_by_email(body.get("email", ""))
    entry = pop_reset_code(user.id) if user else None
    if (
        not entry
        or entry.expires_at < time.time()
        or not hmac.compare_digest(entry.code, str(body.get("code", "")))
    ):
        return jsonify(error="invalid or expired code"), 400
    set_password(user.id, body["new_password"])
    return jsonify(message="password updated")
