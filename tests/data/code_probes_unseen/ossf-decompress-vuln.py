# probe: {"label": "vulnerable", "cwes": ["CWE-409"]}
import zlib

from flask import Flask, request

app = Flask(__name__)


@app.post("/ingest")
def ingest():
    payload = zlib.decompress(request.get_data())
    return {"bytes": len(payload)}
