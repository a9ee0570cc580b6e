# probe: {"label": "vulnerable", "cwes": ["CWE-79"]}
from flask import Flask, request

app = Flask(__name__)


@app.route("/quote")
def quote():
    text = request.args.get("text", "")
    text = text.replace("<script>", "").replace("</script>", "")
    return "<blockquote>" + text + "</blockquote>"
