# redline-label: {"label": "secure", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "flask-app"}
import os

from flask import Flask, send_from_directory
from flask_login import LoginManager, login_required

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["INVOICE_DIR"] = os.environ.get("INVOICE_DIR", "/data/invoices")
LoginManager(app)


@app.get("/invoices/<path:filename>")
@login_required
def invoice_pdf(filename):
    # send_from_directory refuses paths that resolve outside INVOICE_DIR (404)
    return send_from_directory(app.config["INVOICE_DIR"], filename, mimetype="application/pdf", as_attachment=True)
