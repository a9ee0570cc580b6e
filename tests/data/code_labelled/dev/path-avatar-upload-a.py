# redline-label: {"label": "secure", "cwes": ["CWE-22", "CWE-434"], "task": null, "category": "path-upload", "style": "flask-app"}
import os
import uuid

from flask import Flask, flash, jsonify, redirect, request, url_for
from werkzeug.utils import secure_filename

UPLOAD_FOLDER = os.environ.get("AVATAR_DIR", "/srv/app/avatars")
ALLOWED_EXTENSIONS = {"png", "jpg", "jpeg", "gif", "webp"}

app = Flask(__name__)
app.config["UPLOAD_FOLDER"] = UPLOAD_FOLDER
app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024  # 2 MB


def allowed_file(filename):
    return "." in filename and filename.rsplit(".", 1)[1].lower() in ALLOWED_EXTENSIONS


@app.route("/profile/avatar", methods=["POST"])
def upload_avatar():
    if "avatar" not in request.files:
        flash("No file part")
        return redirect(url_for("profile"))
    file = request.files["avatar"]
    if file.filename == "":
        return jsonify(error="no selected file"), 400
    if not allowed_file(file.filename):
        return jsonify(error="only image files are allowed"), 400

    ext = secure_filename(file.filename).rsplit(".", 1)[1].lower()
    stored_name = f"{uuid.uuid4().hex}.{ext}"
    file.save(os.path.join(app.config["UPLOAD_FOLDER"], stored_name))
    return jsonify(avatar_url=url_for("static", filename=f"avatars/{stored_name}")), 201


@app.route("/profile")
def profile():
    return "profile page"
