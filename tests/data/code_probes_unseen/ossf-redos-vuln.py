# probe: {"label": "vulnerable", "cwes": ["CWE-1333"]}
import re

from flask import Flask, request

app = Flask(__name__)


@app.get("/grep")
def grep():
    pattern = request.args.get("pattern", "")
    lines = open("catalog.txt", encoding="utf-8").read().splitlines()
    return {"matches": [line for line in lines if re.search(pattern, line)]}
