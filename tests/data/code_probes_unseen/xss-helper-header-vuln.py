# probe: {"label": "vulnerable", "cwes": ["CWE-79"]}
from flask import Flask, request

app = Flask(__name__)


def card(title, body):
    return "<div class='card'><h3>%s</h3><p>%s</p></div>" % (title, body)


@app.route("/agent")
def agent():
    ua = request.headers.get("User-Agent", "")
    return card("Your browser", ua)
