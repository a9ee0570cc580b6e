import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/pipelines", methods=["POST"])
def upload_pipeline():
    upload = request.files.get("file")
    if upload is None:
        return jsonify(error="no file"), 400
    try:
        doc = yaml.safe_load(upload.read())
    except yaml.YAMLError as exc:
        return jsonify(error=f"invalid YAML: {exc}"), 400
    steps = doc.get("steps") if isinstance(doc, dict) else None
    if not isinstance(steps, list) or not all(isinstance(s, dict) and "name" in s for s in steps):
        return jsonify(error="expected a list of steps with names"), 400
    return jsonify(steps=[str(s["name"]) for s in steps])
