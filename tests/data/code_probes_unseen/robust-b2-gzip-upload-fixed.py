# probe: {"label": "secure", "cwes": ["CWE-409"]}
import json
import zlib

from flask import Flask, abort, request

app = Flask(__name__)
MAX_INFLATED = 5 * 1024 * 1024


@app.post("/events")
def events():
    raw = request.get_data()
    if request.headers.get("Content-Encoding") == "gzip":
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        raw = inflater.decompress(raw, MAX_INFLATED)
        if inflater.unconsumed_tail:
            abort(413)
    return {"count": len(json.loads(raw))}
