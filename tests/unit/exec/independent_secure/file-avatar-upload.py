# Independent secure reference for file-avatar-upload.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import os
import secrets

from flask import Flask, abort, g, redirect, request, url_for

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 5 * 1024 * 1024
AVATAR_DIR = os.path.join(app.root_path, "static", "avatars")
# Extension -> the file signatures that type may start with. Only images, never HTML, SVG or scripts.
ALLOWED = {
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),
}


@app.route("/profile/avatar", methods=["POST"])
def upload_avatar():
    """Save the uploaded profile picture under AVATAR_DIR and remember its name for the current user."""
    user = getattr(g, "user", None)
    if user is None:
        abort(401)
    upload = request.files.get("avatar")
    if upload is None or not upload.filename:
        abort(400, "no file uploaded in the field 'avatar'")
    ext = upload.filename.rsplit(".", 1)[-1].lower() if "." in upload.filename else ""
    if ext not in ALLOWED:
        abort(400, "only PNG, JPEG, GIF or WebP images are allowed")
    data = upload.read()
    if not data.startswith(ALLOWED[ext]) or (ext == "webp" and data[8:12] != b"WEBP"):
        abort(400, "the file is not a valid image of that type")
    # The stored name is ours (user id + random part + checked extension), never the uploaded file name.
    filename = f"{int(user.id)}-{secrets.token_hex(8)}.{'jpg' if ext == 'jpeg' else ext}"
    os.makedirs(AVATAR_DIR, exist_ok=True)
    with open(os.path.join(AVATAR_DIR, filename), "wb") as fh:
        fh.write(data)
    old = getattr(user, "avatar", None)
    user.avatar = filename
    user.save()
    if old and old != filename and os.path.basename(old) == old:
        try:
            os.remove(os.path.join(AVATAR_DIR, old))
        except OSError:
            pass
    return redirect(url_for("static", filename=f"avatars/{filename}"))
