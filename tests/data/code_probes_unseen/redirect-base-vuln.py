# probe: {"label": "vulnerable", "cwes": ["CWE-601"]}
from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/lang/<code>")
def set_language(code):
    origin = request.args.get("origin", "")
    response = redirect(f"{origin}/home?lang={code}")
    response.set_cookie("lang", code, secure=True, httponly=True)
    return response
