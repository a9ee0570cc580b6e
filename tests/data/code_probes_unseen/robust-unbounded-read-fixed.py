# probe: {"label": "secure", "cwes": ["CWE-400"]}
from flask import Flask, abort, request

app = Flask(__name__)
MAX_BYTES = 10 * 1024 * 1024


@app.route("/upload", methods=["POST"])
def upload():
    data = request.stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        abort(413)
    with open("/srv/incoming/blob.bin", "wb") as fh:
        fh.write(data)
    return {"size": len(data)}
