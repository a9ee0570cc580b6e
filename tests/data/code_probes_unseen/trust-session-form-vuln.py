# probe: {"label": "vulnerable", "cwes": ["CWE-501"]}
from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = b"dev-only"


@app.route("/profile", methods=["POST"])
def set_profile():
    session["display_name"] = request.form.get("display_name", "")
    session["role"] = request.form.get("role", "member")
    return {"saved": True}
