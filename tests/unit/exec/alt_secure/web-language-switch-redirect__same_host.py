from urllib.parse import urljoin, urlsplit

from flask import Flask, abort, make_response, redirect, request

app = Flask(__name__)

LANGUAGES = ("en", "de", "fr", "es")


def is_local(target: str) -> bool:
    if not target or any(c in target for c in "\\\t\r\n") or any(ord(c) < 32 for c in target):
        return False
    ref, test = urlsplit(request.host_url), urlsplit(urljoin(request.host_url, target))
    return test.scheme in ("http", "https") and test.netloc == ref.netloc


@app.route("/lang/<code>")
def switch_language(code: str):
    if code not in LANGUAGES:
        abort(404)
    back = request.args.get("back", "/")
    response = make_response(redirect(back if is_local(back) else "/"))
    response.set_cookie("lang", code, samesite="Lax")
    return response
