# probe: {"label": "secure", "cwes": ["CWE-79"]}
from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/echo", methods=["POST"])
def echo():
    message = request.form.get("message", "")
    return Response(message, mimetype="text/plain")
