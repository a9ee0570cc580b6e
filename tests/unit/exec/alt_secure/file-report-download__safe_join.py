import os

from flask import Flask, abort, send_file
from werkzeug.utils import safe_join

app = Flask(__name__)
REPORTS_DIR = "/srv/reports"


@app.route("/reports/<name>")
def download_report(name: str):
    path = safe_join(REPORTS_DIR, name)
    if path is None or not os.path.isfile(path):
        abort(404)
    return send_file(path, as_attachment=True, download_name=os.path.basename(path))
