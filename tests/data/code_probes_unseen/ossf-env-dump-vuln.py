# probe: {"label": "vulnerable", "cwes": ["CWE-200"]}
import os
import platform

from flask import Flask

app = Flask(__name__)


@app.get("/diagnostics")
def diagnostics():
    return {"python": platform.python_version(), "env": dict(os.environ)}
