# probe: {"label": "secure", "cwes": ["CWE-501"]}
import re

from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = b"dev-only"
NAME = re.compile(r"[\w .-]{1,40}")


@app.route("/profile", methods=["POST"])
def set_profile():
    name = request.form.get("display_name", "")
    if not NAME.fullmatch(name):
        return {"error": "invalid name"}, 400
    session["display_name"] = name
    return {"saved": True}
