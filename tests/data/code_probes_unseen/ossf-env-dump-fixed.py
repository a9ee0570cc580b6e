# probe: {"label": "secure", "cwes": ["CWE-200"]}
import platform

from flask import Flask

app = Flask(__name__)


@app.get("/diagnostics")
def diagnostics():
    return {"python": platform.python_version(), "status": "ok"}
