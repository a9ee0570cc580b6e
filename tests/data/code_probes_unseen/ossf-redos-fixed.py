# probe: {"label": "secure", "cwes": ["CWE-1333"]}
import re

from flask import Flask, request

app = Flask(__name__)


@app.get("/grep")
def grep():
    needle = re.escape(request.args.get("pattern", "")[:100])
    with open("catalog.txt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    return {"matches": [line for line in lines if re.search(needle, line)]}
