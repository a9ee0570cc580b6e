# probe: {"label": "secure", "cwes": ["CWE-79"]}
import html

from flask import Flask, request

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = html.escape(request.args.get("name", "stranger"))
    return f"<html><body><h1>Hello, {name}!</h1></body></html>"
