# probe: {"label": "vulnerable", "cwes": ["CWE-601"]}
from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/continue")
def continue_to():
    path = request.args.get("path", "")
    return redirect(path or "/")
