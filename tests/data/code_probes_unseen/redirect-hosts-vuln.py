# probe: {"label": "vulnerable", "cwes": ["CWE-601"]}
from urllib.parse import urlparse

from flask import Flask, abort, redirect, request

app = Flask(__name__)
PARTNERS = {"docs.example.com", "status.example.com"}


@app.get("/out")
def outbound():
    url = request.args.get("url", "")
    host = urlparse(url).hostname or ""
    if not host.endswith("example.com") and url.count(".") > 5:
        abort(400)
    return redirect(url, code=302)
