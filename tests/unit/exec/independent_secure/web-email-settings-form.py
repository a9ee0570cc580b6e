# Independent secure reference for web-email-settings-form.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import hmac
import os
import re
import secrets

from flask import Flask, abort, g, redirect, render_template_string, request, session, url_for

app = Flask(__name__)
if not app.secret_key:
    app.secret_key = os.environ.get("SECRET_KEY") or secrets.token_hex(32)
_EMAIL = re.compile(r"^[^@\s<>\"']{1,64}@[^@\s<>\"']{1,255}\.[^@\s<>\"']{1,63}$")

PAGE = """<!doctype html><title>Settings</title><h1>Settings</h1>
{% if error %}<p class="error">{{ error }}</p>{% endif %}{% if saved %}<p>Saved.</p>{% endif %}
<form method="post" action="{{ url_for('settings') }}">
<input type="hidden" name="csrf_token" value="{{ csrf_token }}">
<label>Email <input type="text" name="email" value="{{ email }}"></label>
<label><input type="checkbox" name="newsletter" value="1" {% if newsletter %}checked{% endif %}> Newsletter</label>
<button>Save</button></form>"""


def _csrf_token() -> str:
    if "csrf_token" not in session:
        session["csrf_token"] = secrets.token_urlsafe(32)
    return session["csrf_token"]


@app.route("/settings", methods=["GET", "POST"])
def settings():
    """Form with fields email and newsletter (checkbox); on POST update g.user and save it."""
    user = getattr(g, "user", None)
    if user is None:
        abort(401)
    error = None
    if request.method == "POST":
        sent, expected = request.form.get("csrf_token", ""), session.get("csrf_token", "")
        if not expected or not hmac.compare_digest(sent, expected):
            abort(400, "missing or invalid CSRF token")
        email = request.form.get("email", "").strip()
        if not _EMAIL.match(email):
            error = "Please enter a valid email address."
        else:
            user.email = email
            user.newsletter = request.form.get("newsletter") is not None
            user.save()
            return redirect(url_for("settings", saved=1))
    html = render_template_string(
        PAGE,
        email=request.form.get("email", user.email) if error else user.email,
        newsletter=user.newsletter,
        error=error,
        saved=request.args.get("saved") == "1",
        csrf_token=_csrf_token(),
    )
    return html, (400 if error else 200)
