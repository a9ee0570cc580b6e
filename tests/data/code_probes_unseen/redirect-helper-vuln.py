# probe: {"label": "vulnerable", "cwes": ["CWE-601"]}
from flask import Flask, redirect, request

app = Flask(__name__)


def continue_to(raw):
    cleaned = raw.strip()
    if not cleaned:
        cleaned = "/dashboard"
    return cleaned


@app.route("/after-payment")
def after_payment():
    return redirect(continue_to(request.values.get("continue", "")))
