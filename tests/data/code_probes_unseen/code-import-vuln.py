# probe: {"label": "vulnerable", "cwes": ["CWE-94"]}
import importlib

from flask import Flask, request

app = Flask(__name__)


@app.route("/export/<fmt>")
def export(fmt):
    module = importlib.import_module("exporters." + fmt if "." not in fmt else fmt)
    return module.render({"rows": [1, 2, 3]})
