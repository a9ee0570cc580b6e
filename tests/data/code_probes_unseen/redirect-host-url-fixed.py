# probe: {"label": "secure", "cwes": ["CWE-601"]}
from urllib.parse import quote

from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/continue")
def continue_to():
    path = request.args.get("path", "")
    return redirect(request.host_url + quote(path.lstrip("/")))
