# redline-label: {"label": "secure", "cwes": ["CWE-601"], "task": null, "category": "web-output", "style": "flask-app"}
import os

from flask import Flask, redirect, request, session, url_for
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
CSRFProtect(app)

# only internal landing pages may be used as post-logout destinations
LOGOUT_DESTINATIONS = {"/", "/goodbye", "/login", "/help/accounts"}


@app.post("/logout")
def logout():
    session.clear()
    target = request.args.get("next", "/")
    if target not in LOGOUT_DESTINATIONS:
        target = url_for("goodbye")
    return redirect(target)


@app.get("/goodbye")
def goodbye():
    return "You have been signed out."
