# Independent secure reference for web-language-switch-redirect, written from the task prompt only (without seeing the harness tests).
"""Language switch: the cookie takes only a known code, and `back` must be a path on this site (no open redirect)."""
from urllib.parse import urlsplit

from flask import Flask, abort, make_response, redirect, request

app = Flask(__name__)

LANGUAGES = ("en", "de", "fr", "es")
ONE_YEAR = 365 * 24 * 3600


def _local_path(back: str | None) -> str:
    """`back` when it is a path on this site, else "/".

    Refused: absolute URLs (https://evil), scheme-relative ones (//evil), backslash tricks (/\\evil), and control
    characters or whitespace that browsers strip or reinterpret.
    """
    if not back or len(back) > 2000:
        return "/"
    if not back.startswith("/") or back.startswith("//") or "\\" in back:
        return "/"
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in back):
        return "/"
    parts = urlsplit(back)
    if parts.scheme or parts.netloc:
        return "/"
    return back


@app.route("/lang/<code>")
def switch_language(code: str):
    """Remember the language in the lang cookie and send the visitor back to the page in `back`."""
    if code not in LANGUAGES:
        abort(404)
    response = make_response(redirect(_local_path(request.args.get("back")), code=302))
    response.set_cookie("lang", code, max_age=ONE_YEAR, path="/", httponly=True, samesite="Lax")
    return response
