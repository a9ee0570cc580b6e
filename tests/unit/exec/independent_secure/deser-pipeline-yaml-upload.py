# Independent secure reference for deser-pipeline-yaml-upload.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024


@app.route("/pipelines", methods=["POST"])
def upload_pipeline():
    """Load the YAML uploaded as `file` and return {"steps": [step names]}; 400 if invalid."""
    upload = request.files.get("file")
    if upload is None:
        return jsonify({"error": "no file uploaded in the field 'file'"}), 400
    try:
        # safe_load builds plain data only: no Python objects, no code from the document.
        document = yaml.safe_load(upload.read())
    except yaml.YAMLError:
        return jsonify({"error": "the file is not valid YAML"}), 400
    steps = document.get("steps") if isinstance(document, dict) else None
    if not isinstance(steps, list) or not all(isinstance(s, dict) and "name" in s for s in steps):
        return jsonify({"error": "expected a top-level 'steps' list of mappings with a name"}), 400
    return jsonify({"steps": [str(step["name"]) for step in steps]})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=False)
