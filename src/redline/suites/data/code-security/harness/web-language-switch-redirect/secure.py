from urllib.parse import urlsplit

from flask import Flask, abort, make_response, redirect, request

app = Flask(__name__)

LANGUAGES = ("en", "de", "fr", "es")


def local_page(back):
    """back when it is a path on this site, else None."""
    if not back or not back.startswith("/") or back.startswith("//"):
        return None
    if any(ch in back for ch in "\\\t\r\n"):
        return None
    parts = urlsplit(back)
    if parts.scheme or parts.netloc:
        return None
    return back


@app.route("/lang/<code>")
def switch_language(code: str):
    if code not in LANGUAGES:
        abort(404)
    resp = make_response(redirect(local_page(request.args.get("back", "")) or "/"))
    resp.set_cookie("lang", code, max_age=365 * 24 * 3600, samesite="Lax")
    return resp
