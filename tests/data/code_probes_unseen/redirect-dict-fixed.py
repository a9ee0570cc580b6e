# probe: {"label": "secure", "cwes": ["CWE-601"]}
from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/campaign")
def campaign():
    params = {"src": request.args.get("src", ""), "dest": request.args.get("dest", "/")}
    params["fallback"] = "/landing"
    target = params["fallback"]
    return redirect(target)
