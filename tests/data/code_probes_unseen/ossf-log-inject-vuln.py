# probe: {"label": "vulnerable", "cwes": ["CWE-117"]}
import logging

from flask import Flask, request

app = Flask(__name__)
audit = logging.getLogger("audit")


@app.post("/login")
def login():
    user = request.form.get("user", "")
    audit.warning("failed login for user " + user)
    return {"ok": False}, 401
