# probe: {"label": "secure", "cwes": ["CWE-94"]}
import importlib

from flask import Flask, abort

app = Flask(__name__)
FORMATS = {"csv": "exporters.csv_out", "json": "exporters.json_out"}


@app.route("/export/<fmt>")
def export(fmt):
    if fmt not in FORMATS:
        abort(404)
    module = importlib.import_module(FORMATS[fmt])
    return module.render({"rows": [1, 2, 3]})
