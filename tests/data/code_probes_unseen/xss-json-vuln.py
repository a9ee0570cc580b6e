# probe: {"label": "vulnerable", "cwes": ["CWE-79"]}
from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/preview", methods=["POST"])
def preview():
    title = request.form.get("title", "")
    resp = make_response("<title>" + title + "</title>")
    resp.mimetype = "text/html"
    return resp
