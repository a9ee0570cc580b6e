import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/pipelines", methods=["POST"])
def upload_pipeline():
    try:
        pipeline = yaml.load(request.files["file"].stream, Loader=yaml.Loader)
    except yaml.YAMLError:
        return jsonify({"error": "bad yaml"}), 400
    return jsonify({"steps": [step["name"] for step in pipeline["steps"]]})
