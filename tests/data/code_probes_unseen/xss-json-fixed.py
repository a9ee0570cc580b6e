# probe: {"label": "secure", "cwes": ["CWE-79"]}
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/preview", methods=["POST"])
def preview():
    title = request.form.get("title", "")
    return jsonify(title=title, length=len(title))
