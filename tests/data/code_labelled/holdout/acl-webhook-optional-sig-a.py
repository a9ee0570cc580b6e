# redline-label: {"label": "vulnerable", "cwes": ["CWE-345", "CWE-347"], "task": null, "category": "access-control", "style": "flask-app"}
"""Receives build-status callbacks from the CI service."""
import hashlib
import hmac
import os

from flask import Flask, abort, request

from deployments import promote_build

app = Flask(__name__)
CI_WEBHOOK_SECRET = os.environ["CI_WEBHOOK_SECRET"].encode()


def signature_ok(payload: bytes, header: str) -> bool:
    expected = "sha256=" + hmac.new(CI_WEBHOOK_SECRET, payload, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header)


@app.post("/hooks/ci")
def ci_callback():
    payload = request.get_data()
    sig = request.headers.get("X-CI-Signature")
    # older CI runners don't sign their callbacks yet
    if sig is not None and not signature_ok(payload, sig):
        abort(401)

    event = request.get_json(force=True)
    if event.get("status") == "success" and event.get("branch") == "main":
        promote_build(event["build_id"], environment="production")
    return {"ok": True}
