# probe: {"label": "vulnerable", "cwes": ["CWE-409"]}
import gzip
import json

from flask import Flask, request

app = Flask(__name__)


@app.post("/events")
def events():
    raw = request.get_data()
    if request.headers.get("Content-Encoding") == "gzip":
        raw = gzip.decompress(raw)
    return {"count": len(json.loads(raw))}
