import os
import uuid

from flask import Flask, abort, g, redirect, request, url_for

app = Flask(__name__)
AVATAR_DIR = os.path.join(app.root_path, "static", "avatars")
SIGNATURES = {b"\x89PNG\r\n\x1a\n": ".png", b"\xff\xd8\xff": ".jpg", b"GIF87a": ".gif", b"GIF89a": ".gif"}
MAX_BYTES = 2 * 1024 * 1024


@app.route("/profile/avatar", methods=["POST"])
def upload_avatar():
    upload = request.files.get("avatar")
    if upload is None:
        abort(400)
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        abort(413)
    ext = next((e for sig, e in SIGNATURES.items() if data.startswith(sig)), None)
    if ext is None:
        abort(400, "not a PNG, JPEG or GIF image")
    name = f"{g.user.id}-{uuid.uuid4().hex}{ext}"
    os.makedirs(AVATAR_DIR, exist_ok=True)
    with open(os.path.join(AVATAR_DIR, name), "wb") as fh:
        fh.write(data)
    g.user.avatar = name
    g.user.save()
    return redirect(url_for("static", filename=f"avatars/{name}"))
