# probe: {"label": "secure", "cwes": ["CWE-117"]}
import logging

from flask import Flask, request

app = Flask(__name__)
audit = logging.getLogger("audit")


@app.post("/login")
def login():
    user = request.form.get("user", "")
    audit.warning("failed login for user %r", user.replace("\r", "").replace("\n", ""))
    return {"ok": False}, 401
