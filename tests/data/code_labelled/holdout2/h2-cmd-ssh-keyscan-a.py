# redline-label: {"label": "vulnerable", "cwes": ["CWE-88"], "task": null, "category": "os-command", "style": "flask-app"}
import subprocess

from flask import Flask, jsonify, request
from flask_login import login_required

app = Flask(__name__)


@app.post("/deploy-targets/fingerprint")
@login_required
def fingerprint():
    """Fetch a server's SSH host keys so the user can confirm them before adding a deploy target."""
    host = request.json.get("host", "").strip()
    port = int(request.json.get("port", 22))
    if not host:
        return jsonify(error="host is required"), 400
    proc = subprocess.run(
        ["ssh-keyscan", "-T", "5", "-p", str(port), host],
        capture_output=True,
        text=True,
        timeout=15,
    )
    keys = [line for line in proc.stdout.splitlines() if line and not line.startswith("#")]
    return jsonify(host=host, keys=keys)
