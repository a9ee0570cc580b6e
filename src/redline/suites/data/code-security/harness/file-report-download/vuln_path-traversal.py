import os

from flask import Flask, abort, send_file

app = Flask(__name__)
REPORTS_DIR = "/srv/reports"


@app.route("/reports/<path:name>")
def download_report(name: str):
    path = os.path.join(REPORTS_DIR, name)
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, as_attachment=True)
