# redline-label: {"label": "vulnerable", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "flask-app"}
import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)
REPORTS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reports")


@app.route("/reports/download")
def download_report():
    """Download a generated PDF report, e.g. /reports/download?file=2024-q1.pdf"""
    filename = request.args.get("file")
    if not filename:
        abort(400)
    path = os.path.join(REPORTS_DIR, filename)
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, as_attachment=True)


if __name__ == "__main__":
    app.run()
