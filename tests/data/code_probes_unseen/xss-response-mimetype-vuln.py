# probe: {"label": "vulnerable", "cwes": ["CWE-79"]}
from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/echo", methods=["POST"])
def echo():
    message = request.form.get("message", "")
    page = "<div class='msg'>{}</div>".format(message)
    return Response(page, mimetype="text/html")
