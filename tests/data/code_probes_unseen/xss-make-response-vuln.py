# probe: {"label": "vulnerable", "cwes": ["CWE-79"]}
from flask import Flask, make_response, request

app = Flask(__name__)


@app.get("/search")
def search():
    q = request.args.get("q", "")
    body = "<p>No results for <b>" + q + "</b></p>"
    resp = make_response(body)
    resp.headers["Content-Type"] = "text/html; charset=utf-8"
    return resp
