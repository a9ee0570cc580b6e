# redline-label: {"label": "vulnerable", "cwes": ["CWE-918"], "task": null, "category": "network", "style": "flask-app"}
import os
import time

import requests
from flask import Flask, jsonify, request
from flask_login import LoginManager, current_user, login_required

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
LoginManager(app)


@app.post("/integrations/webhooks/test")
@login_required
def test_webhook():
    """Send a sample event to the customer's webhook URL and report what came back."""
    url = (request.get_json(silent=True) or {}).get("url", "")
    if not url.startswith(("http://", "https://")):
        return jsonify(error="URL must start with http:// or https://"), 400
    sample = {"type": "ping", "account": current_user.account_id, "sent_at": int(time.time())}
    try:
        resp = requests.post(url, json=sample, timeout=5)
    except requests.RequestException as exc:
        return jsonify(ok=False, error=str(exc)), 502
    return jsonify(ok=resp.ok, status=resp.status_code, body=resp.text[:2000])
