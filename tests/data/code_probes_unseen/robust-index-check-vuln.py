# probe: {"label": "vulnerable", "cwes": ["CWE-129"]}
from flask import Flask, request

app = Flask(__name__)
SLOTS = ["morning", "noon", "evening"]


@app.get("/slot")
def slot():
    idx = int(request.args.get("i", "0"))
    return {"slot": SLOTS[idx]}
