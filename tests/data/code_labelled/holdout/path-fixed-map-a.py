# redline-label: {"label": "secure", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "flask-app"}
import os

from flask import Flask, abort, send_file

app = Flask(__name__)
DOCS_DIR = os.path.join(os.path.dirname(__file__), "legal")

# public slugs -> files shipped with the app
DOCUMENTS = {
    "terms": "terms-of-service-v3.pdf",
    "privacy": "privacy-policy-2024.pdf",
    "cookies": "cookie-policy.pdf",
}


@app.route("/legal/<doc>")
def legal_document(doc):
    filename = DOCUMENTS.get(doc)
    if filename is None:
        abort(404)
    return send_file(os.path.join(DOCS_DIR, filename), mimetype="application/pdf")


if __name__ == "__main__":
    app.run()
