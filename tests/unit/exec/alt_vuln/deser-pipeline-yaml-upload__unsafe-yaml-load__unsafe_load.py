import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/pipelines", methods=["POST"])
def upload_pipeline():
    try:
        doc = yaml.unsafe_load(request.files["file"].read())
    except yaml.YAMLError as e:
        return jsonify(error=str(e)), 400
    return jsonify(steps=[s["name"] for s in doc["steps"]])
