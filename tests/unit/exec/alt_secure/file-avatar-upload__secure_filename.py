import os

from flask import Flask, abort, g, jsonify, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOAD_DIR = os.path.join("static", "avatars")
ALLOWED_EXTENSIONS = {"png", "jpg", "jpeg", "gif", "webp"}


def allowed(name):
    return "." in name and name.rsplit(".", 1)[1].lower() in ALLOWED_EXTENSIONS


@app.route("/profile/avatar", methods=["POST"])
def upload_avatar():
    file = request.files.get("avatar")
    if file is None or file.filename == "":
        abort(400)
    if not allowed(file.filename):
        abort(400, "unsupported file type")
    filename = secure_filename(f"user{g.user.id}_{file.filename}")
    os.makedirs(UPLOAD_DIR, exist_ok=True)
    file.save(os.path.join(UPLOAD_DIR, filename))
    g.user.avatar = filename
    g.user.save()
    return jsonify(ok=True, avatar=filename)
