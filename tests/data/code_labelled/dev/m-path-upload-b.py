# redline-label: {"label": "vulnerable", "cwes": ["CWE-22", "CWE-434"], "task": null, "category": "path-upload", "style": "flask-app"}
import os

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 16 * 1024 * 1024
UPLOAD_DIR = os.environ.get("RECEIPT_DIR", "/var/lib/expenses/receipts")


@app.post("/receipts")
def upload_receipt():
    """Store an expense receipt (PDF or image) sent as multipart field `receipt`."""
    file = request.files.get("receipt")
    if file is None or not file.filename:
        abort(400, description="no file")
    os.makedirs(UPLOAD_DIR, exist_ok=True)
    destination = os.path.join(UPLOAD_DIR, file.filename)
    if os.path.exists(destination):
        abort(409, description="a receipt with this name already exists")
    file.save(destination)
    return jsonify(id=file.filename), 201
