import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/pipelines", methods=["POST"])
def upload_pipeline():
    f = request.files.get("file")
    if not f:
        return jsonify({"error": "missing file"}), 400
    try:
        data = yaml.load(f.stream, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return jsonify({"error": "invalid yaml"}), 400
    return jsonify({"steps": [s.get("name") for s in (data or {}).get("steps", [])]})
