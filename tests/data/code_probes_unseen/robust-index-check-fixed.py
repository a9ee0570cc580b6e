# probe: {"label": "secure", "cwes": ["CWE-129"]}
from flask import Flask, abort, request

app = Flask(__name__)
SLOTS = ["morning", "noon", "evening"]


@app.get("/slot")
def slot():
    idx = int(request.args.get("i", "0"))
    if not 0 <= idx < len(SLOTS):
        abort(400)
    return {"slot": SLOTS[idx]}
