# redline-label: {"label": "vulnerable", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "flask-app"}
import os

from flask import Flask, abort, request, send_file
from flask_login import LoginManager, login_required

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
INVOICE_DIR = os.environ.get("INVOICE_DIR", "/data/invoices")
LoginManager(app)


@app.get("/invoices/download")
@login_required
def invoice_pdf():
    filename = request.args.get("file", "")
    if not filename.endswith(".pdf"):
        abort(400)
    full_path = os.path.join(INVOICE_DIR, filename)
    if not os.path.exists(full_path):
        abort(404)
    return send_file(full_path, mimetype="application/pdf", as_attachment=True)
