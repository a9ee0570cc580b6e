import os

from flask import Flask, g, jsonify, request

app = Flask(__name__)
AVATAR_DIR = os.path.join(app.root_path, "static", "avatars")
ALLOWED = {".png", ".jpg", ".jpeg", ".gif"}


@app.route("/profile/avatar", methods=["POST"])
def upload_avatar():
    f = request.files["avatar"]
    if os.path.splitext(f.filename)[1].lower() not in ALLOWED:
        return jsonify(error="images only"), 400
    os.makedirs(AVATAR_DIR, exist_ok=True)
    f.save(os.path.join(AVATAR_DIR, f.filename))
    g.user.avatar = f.filename
    g.user.save()
    return jsonify(avatar=f.filename)
