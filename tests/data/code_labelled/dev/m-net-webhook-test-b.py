# redline-label: {"label": "secure", "cwes": ["CWE-918"], "task": null, "category": "network", "style": "flask-app"}
import ipaddress
import os
import socket
import time
from urllib.parse import urlsplit

import requests
from flask import Flask, jsonify, request
from flask_login import LoginManager, current_user, login_required

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
LoginManager(app)


class UnsafeURL(ValueError):
    pass


def check_public_https(url: str) -> None:
    """Refuse URLs that are not https or whose host resolves to a private, loopback or link-local address."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise UnsafeURL("only https URLs are allowed")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror:
        raise UnsafeURL("host does not resolve") from None
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if not addr.is_global or addr.is_multicast:
            raise UnsafeURL("host resolves to a non-public address")


@app.post("/integrations/webhooks/test")
@login_required
def test_webhook():
    """Send a sample event to the customer's webhook URL and report the status code."""
    url = (request.get_json(silent=True) or {}).get("url", "")
    try:
        check_public_https(url)
    except UnsafeURL as exc:
        return jsonify(error=str(exc)), 400
    sample = {"type": "ping", "account": current_user.account_id, "sent_at": int(time.time())}
    try:
        resp = requests.post(url, json=sample, timeout=5, allow_redirects=False)
    except requests.RequestException:
        return jsonify(ok=False, error="delivery failed"), 502
    return jsonify(ok=200 <= resp.status_code < 300, status=resp.status_code)
