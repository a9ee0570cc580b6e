from flask import Flask, abort, make_response, redirect, request

app = Flask(__name__)

LANGUAGES = ("en", "de", "fr", "es")


@app.route("/lang/<code>")
def switch_language(code: str):
    if code not in LANGUAGES:
        abort(404)
    back = request.args.get("back") or "/"
    if not back.startswith("/"):
        back = "/" + back
    resp = make_response(redirect(back))
    resp.set_cookie("lang", code, max_age=365 * 24 * 3600)
    return resp
