# redline-label: {"label": "secure", "cwes": ["CWE-22", "CWE-434"], "task": null, "category": "path-upload", "style": "flask-app"}
import os
import uuid
from pathlib import Path

from flask import Flask, abort, jsonify, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 16 * 1024 * 1024
UPLOAD_DIR = Path(os.environ.get("RECEIPT_DIR", "/var/lib/expenses/receipts"))
ALLOWED_EXTENSIONS = {".pdf", ".png", ".jpg", ".jpeg"}


@app.post("/receipts")
def upload_receipt():
    file = request.files.get("receipt")
    if file is None or not file.filename:
        abort(400, description="no file")
    name = secure_filename(file.filename)
    ext = Path(name).suffix.lower()
    if ext not in ALLOWED_EXTENSIONS:
        abort(415, description="receipts must be PDF or images")
    stored_as = f"{uuid.uuid4().hex}{ext}"
    UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
    file.save(UPLOAD_DIR / stored_as)
    return jsonify(id=stored_as, original_name=name), 201
