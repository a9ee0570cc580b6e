# probe: {"label": "secure", "cwes": ["CWE-79"]}
from flask import Flask, request

app = Flask(__name__)


@app.route("/status")
def status():
    service = request.args.get("service", "api")
    body = "Status of {}: OK".format(service)
    return body, 200, {"Content-Type": "text/plain; charset=utf-8"}
