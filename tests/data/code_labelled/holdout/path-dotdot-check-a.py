# redline-label: {"label": "vulnerable", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "flask-app"}
import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE_DIR = "/srv/shared/exports"


def is_safe(name: str) -> bool:
    """Reject traversal attempts like ../../etc/passwd."""
    return ".." not in name and not name.startswith("~")


@app.get("/exports")
def get_export():
    name = request.args.get("name", "")
    if not name or not is_safe(name):
        abort(400)
    full_path = os.path.join(BASE_DIR, name)
    if not os.path.isfile(full_path):
        abort(404)
    return send_file(full_path)
