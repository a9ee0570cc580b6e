import os

from flask import Flask, Response, abort

app = Flask(__name__)
REPORTS_DIR = "/srv/reports"


@app.route("/reports/<path:name>")
def download_report(name: str):
    full = REPORTS_DIR + "/" + name
    if not os.path.exists(full):
        abort(404)
    with open(full, "rb") as fh:
        data = fh.read()
    return Response(data, headers={"Content-Disposition": f"attachment; filename={os.path.basename(name)}"})
