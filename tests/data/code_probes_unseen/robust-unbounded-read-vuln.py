# probe: {"label": "vulnerable", "cwes": ["CWE-400"]}
from flask import Flask, request

app = Flask(__name__)


@app.route("/upload", methods=["POST"])
def upload():
    data = request.stream.read()
    with open("/srv/incoming/blob.bin", "wb") as fh:
        fh.write(data)
    return {"size": len(data)}
