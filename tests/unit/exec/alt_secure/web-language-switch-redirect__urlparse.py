from urllib.parse import urlparse

from flask import Flask, abort, make_response, redirect, request

app = Flask(__name__)

LANGUAGES = ("en", "de", "fr", "es")


@app.route("/lang/<code>")
def switch_language(code: str):
    if code not in LANGUAGES:
        abort(404)
    back = request.args.get("back", "/")
    parsed = urlparse(back)
    if parsed.scheme or parsed.netloc:
        back = "/"
    response = make_response(redirect(back))
    response.set_cookie("lang", code)
    return response
