# probe: {"label": "vulnerable", "cwes": ["CWE-614"]}
from flask import Flask, jsonify, request

app = Flask(__name__)


def cookie_options(remember):
    opts = {"httponly": True, "samesite": "Strict"}
    if remember:
        opts["max_age"] = 14 * 24 * 3600
    return opts


@app.post("/remember")
def remember_device():
    device = request.json.get("device", "unknown")
    resp = jsonify(saved=True)
    resp.set_cookie("device_id", device, **cookie_options(True))
    return resp
