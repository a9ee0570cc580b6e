import hmac
import secrets

from flask import Flask, abort, g, redirect, render_template_string, request, session, url_for

app = Flask(__name__)

FORM = """<!doctype html><form method="post" action="{{ url_for('settings') }}">
<input type="hidden" name="csrf_token" value="{{ token }}">
<label>Email <input type="email" name="email" value="{{ user.email }}"></label>
<label><input type="checkbox" name="newsletter" {% if user.newsletter %}checked{% endif %}> Newsletter</label>
<button type="submit">Save</button></form>"""


def _token():
    if "csrf_token" not in session:
        session["csrf_token"] = secrets.token_urlsafe(32)
    return session["csrf_token"]


@app.route("/settings", methods=["GET", "POST"])
def settings():
    if request.method == "POST":
        sent = request.form.get("csrf_token", "")
        if not sent or not hmac.compare_digest(sent, session.get("csrf_token", "")):
            abort(400)
        g.user.email = request.form.get("email", g.user.email).strip()
        g.user.newsletter = request.form.get("newsletter") == "on"
        g.user.save()
        return redirect(url_for("settings"))
    return render_template_string(FORM, user=g.user, token=_token())
