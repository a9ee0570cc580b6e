import os

from flask import Flask, g, redirect, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
AVATAR_DIR = os.path.join("static", "avatars")


@app.route("/profile/avatar", methods=["POST"])
def upload_avatar():
    file = request.files.get("avatar")
    if not file or not file.filename:
        return "no file", 400
    filename = secure_filename(f"{g.user.id}_{file.filename}")
    os.makedirs(AVATAR_DIR, exist_ok=True)
    file.save(os.path.join(AVATAR_DIR, filename))
    g.user.avatar = filename
    g.user.save()
    return redirect("/profile")
