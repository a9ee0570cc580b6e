# probe: {"label": "vulnerable", "cwes": ["CWE-614"]}
from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/prefs", methods=["POST"])
def save_prefs():
    choice = request.form.get("layout", "compact")
    response = make_response("<p>Saved.</p>")
    response.set_cookie("layout_choice", choice, max_age=60 * 60 * 24 * 30, secure=False, httponly=True)
    return response
