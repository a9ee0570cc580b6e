# Independent secure reference for file-report-download.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import os

from flask import Flask, abort, send_from_directory

app = Flask(__name__)
REPORTS_DIR = "/srv/reports"


@app.route("/reports/<name>")
def download_report(name: str):
    """Send the report file `name` from REPORTS_DIR as a download.

    send_from_directory joins the name safely (no '..', no absolute paths, no separators that escape the
    directory) and answers 404 for anything that is not a file inside it.
    """
    if not name or name.startswith(".") or "/" in name or "\\" in name or "\0" in name:
        abort(404)
    base = os.path.realpath(REPORTS_DIR)
    target = os.path.realpath(os.path.join(base, name))
    if os.path.dirname(target) != base or not os.path.isfile(target):  # also refuses symlinks pointing outside
        abort(404)
    return send_from_directory(REPORTS_DIR, name, as_attachment=True)
