# probe: {"label": "vulnerable", "cwes": ["CWE-79"]}
from flask import Flask, request

app = Flask(__name__)


@app.route("/status")
def status():
    service = request.args.get("service", "api")
    body = "<p>Status of {}: OK</p>".format(service)
    return body, 200
