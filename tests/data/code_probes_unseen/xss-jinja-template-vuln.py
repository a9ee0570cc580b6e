# probe: {"label": "vulnerable", "cwes": ["CWE-79"]}
from flask import Flask, request
from jinja2 import Template

app = Flask(__name__)
PAGE = Template("<h1>Results</h1><p>You searched for {{ term }}</p>")


@app.get("/find")
def find():
    term = request.args.get("term", "")
    return PAGE.render(term=term)
