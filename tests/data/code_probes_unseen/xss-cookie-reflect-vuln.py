# probe: {"label": "vulnerable", "cwes": ["CWE-79"]}
from flask import Flask, request

app = Flask(__name__)


@app.route("/welcome-back")
def welcome_back():
    last = request.cookies.get("last_item", "")
    lines = ["<html><body>"]
    lines.append("<p>Last time you looked at: %s</p>" % last)
    lines.append("</body></html>")
    return "\n".join(lines)
