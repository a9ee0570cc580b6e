# probe: {"label": "secure", "cwes": ["CWE-409"]}
import zlib

from flask import Flask, abort, request

app = Flask(__name__)
MAX_SIZE = 10 * 1024 * 1024


@app.post("/ingest")
def ingest():
    inflater = zlib.decompressobj()
    payload = inflater.decompress(request.get_data(), MAX_SIZE)
    if inflater.unconsumed_tail:
        abort(413)
    return {"bytes": len(payload)}
