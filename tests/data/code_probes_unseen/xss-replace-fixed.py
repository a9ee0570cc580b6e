# probe: {"label": "secure", "cwes": ["CWE-79"]}
from flask import Flask, request

app = Flask(__name__)


@app.route("/quote")
def quote():
    text = request.args.get("text", "")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return "<blockquote>" + text + "</blockquote>"
