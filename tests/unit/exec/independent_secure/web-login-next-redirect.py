# Independent secure reference for web-login-next-redirect.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
from urllib.parse import urlsplit

from flask import Flask, redirect, render_template_string, request, session

from .auth import check_password

app = Flask(__name__)
DEFAULT_NEXT = "/dashboard"

FORM = """<!doctype html><title>Log in</title><h1>Log in</h1>{% if error %}<p>{{ error }}</p>{% endif %}
<form method="post"><input type="hidden" name="next" value="{{ next }}">
<label>Email <input name="email" type="email"></label><label>Password <input name="password" type="password"></label>
<button>Log in</button></form>"""


def safe_next(target: str | None) -> str:
    """The `next` page if it is a path on this site, else /dashboard (no open redirect to another host)."""
    if not target:
        return DEFAULT_NEXT
    target = target.strip()
    if any(ord(c) < 32 or c == "\\" for c in target) or not target.startswith("/") or target.startswith("//"):
        return DEFAULT_NEXT
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return DEFAULT_NEXT
    return target


@app.route("/login", methods=["GET", "POST"])
def login():
    """Log the user in and send them to the `next` page, or /dashboard."""
    next_page = request.form.get("next") or request.args.get("next")
    if request.method == "GET":
        return render_template_string(FORM, next=safe_next(next_page), error=None)
    email = request.form.get("email", "")
    password = request.form.get("password", "")
    if not check_password(email, password):
        return render_template_string(FORM, next=safe_next(next_page), error="Wrong email or password."), 401
    session.clear()  # a fresh session at login
    session["email"] = email
    return redirect(safe_next(next_page))
