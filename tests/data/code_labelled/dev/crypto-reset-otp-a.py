# redline-label: {"label": "vulnerable", "cwes": ["CWE-330", "CWE-338"], "task": null, "category": "crypto-random", "style": "flask-app"}
import random
import time

from flask import Flask, jsonify, request

from mailer import send_mail
from store import get_user_by_email, save_reset_code, pop_reset_code, set_password

app = Flask(__name__)
CODE_TTL = 15 * 60


@app.post("/password/forgot")
def forgot_password():
    email = (request.json or {}).get("email", "")
    user = get_user_by_email(email)
    if user:
        code = str(random.randint(100000, 999999))
        save_reset_code(user.id, code, expires_at=time.time() + CODE_TTL)
        send_mail(email, "Your reset code", f"Your password reset code is {code}. It expires in 15 minutes.")
    # same answer whether or not the account exists
    return jsonify(message="If that address is registered, a code has been sent.")


@app.post("/password/reset")
def reset_password():
    body = request.json or {}
    user = get_user_by_email(body.get("email", ""))
    entry = pop_reset_code(user.id) if user else None
    if not entry or entry.code != body.get("code") or entry.expires_at < time.time():
        return jsonify(error="invalid or expired code"), 400
    set_password(user.id, body["new_password"])
    return jsonify(message="password updated")
