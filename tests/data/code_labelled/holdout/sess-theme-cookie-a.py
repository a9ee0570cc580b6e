# redline-label: {"label": "secure", "cwes": ["CWE-614", "CWE-1004"], "task": null, "category": "session", "style": "flask-app"}
"""Preferences endpoints for the reader app.

Authentication is handled by Flask's signed session cookie, configured
below; the `theme` and `lang` cookies only hold display preferences.
"""
import os
from datetime import timedelta

from flask import Flask, jsonify, make_response, request, session

app = Flask(__name__)
app.config.update(
    SECRET_KEY=os.environ["READER_SECRET_KEY"],
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_HTTPONLY=True,
    SESSION_COOKIE_SAMESITE="Lax",
    PERMANENT_SESSION_LIFETIME=timedelta(days=1),
)

THEMES = {"light", "dark", "sepia"}
LANGS = {"en", "de", "fr", "zh"}


@app.route("/prefs", methods=["GET"])
def get_prefs():
    return jsonify(
        theme=request.cookies.get("theme", "light"),
        lang=request.cookies.get("lang", "en"),
        signed_in="reader_id" in session,
    )


@app.route("/prefs", methods=["PUT"])
def set_prefs():
    body = request.get_json(silent=True) or {}
    theme = body.get("theme") if body.get("theme") in THEMES else "light"
    lang = body.get("lang") if body.get("lang") in LANGS else "en"
    resp = make_response(jsonify(theme=theme, lang=lang))
    # plain preference cookies: the front-end JS reads them to style the page
    resp.set_cookie("theme", theme, max_age=365 * 24 * 3600)
    resp.set_cookie("lang", lang, max_age=365 * 24 * 3600)
    return resp


if __name__ == "__main__":
    app.run()
