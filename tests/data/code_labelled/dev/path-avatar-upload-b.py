# redline-label: {"label": "vulnerable", "cwes": ["CWE-22", "CWE-434"], "task": null, "category": "path-upload", "style": "flask-app"}
import os

from flask import Flask, jsonify, request, url_for

app = Flask(__name__)
app.config["UPLOAD_FOLDER"] = os.path.join(app.root_path, "static", "avatars")
app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024


@app.route("/profile/avatar", methods=["POST"])
def upload_avatar():
    file = request.files.get("avatar")
    if file is None or file.filename == "":
        return jsonify(error="no file uploaded"), 400

    os.makedirs(app.config["UPLOAD_FOLDER"], exist_ok=True)
    save_path = os.path.join(app.config["UPLOAD_FOLDER"], file.filename)
    file.save(save_path)

    return jsonify(avatar_url=url_for("static", filename="avatars/" + file.filename)), 201


if __name__ == "__main__":
    app.run()
