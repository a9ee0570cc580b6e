"""Harness for file-avatar-upload: POST /profile/avatar (multipart field avatar) saves the picture under
static/avatars (next to the app or in the current directory) and sets g.user.avatar; g.user.save() stores it."""

import io
import os
import types

from hlib import Exploited, Harness, expect

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde\x00\x00"
       b"\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82")
HARNESS = Harness("file-avatar-upload")


def client(ctx):
    from flask import g

    app = ctx.app()
    ctx.user = types.SimpleNamespace(id=3, name="ana", avatar=None, saves=0)
    ctx.user.save = lambda: setattr(ctx.user, "saves", ctx.user.saves + 1)

    def set_user():
        g.user = ctx.user
    app.before_request_funcs.setdefault(None, []).insert(0, set_user)
    return app.test_client()


def upload(c, filename, content, mimetype="image/png"):
    return c.post("/profile/avatar", data={"avatar": (io.BytesIO(content), filename, mimetype)},
                  content_type="multipart/form-data")


def files_with(ctx, content):
    found = []
    for folder, _, names in os.walk(ctx.dir):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as fh:
                if fh.read() == content:
                    found.append(os.path.relpath(path, ctx.dir))
    return found


@HARNESS.functional
def saves_picture(ctx):
    c = client(ctx)
    content = PNG + b"rl-functional"
    resp = upload(c, "me.png", content)
    expect(resp.status_code < 400, f"status {resp.status_code}")
    saved = files_with(ctx, content)
    expect(saved and all(f"avatars{os.sep}" in p for p in saved), f"saved at {saved}, not under static/avatars")
    expect(ctx.user.avatar and os.path.basename(str(ctx.user.avatar)) in {os.path.basename(p) for p in saved},
           f"g.user.avatar is {ctx.user.avatar!r}")
    expect(ctx.user.saves >= 1, "g.user.save() not called")


@HARNESS.functional
def jpeg_accepted(ctx):
    content = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01rl-jpeg\xff\xd9"
    resp = upload(client(ctx), "Holiday Photo.JPG", content, "image/jpeg")
    expect(resp.status_code < 400 and files_with(ctx, content), f"a JPEG upload gave status {resp.status_code}")


@HARNESS.exploit("path-traversal-upload", cwe="CWE-22")
def traversal(ctx):
    c = client(ctx)
    for name in ("../../../rl_escape.png", "..%2f..%2f..%2frl_escape.png", "....//....//rl_escape.png",
                 "/../../../rl_escape.png"):
        content = PNG + name.encode()
        upload(c, name, content)
        escaped = [p for p in files_with(ctx, content) if f"avatars{os.sep}" not in p]
        if escaped:
            return Exploited(f"filename={name!r}", f"the upload was written outside static/avatars: {escaped[0]}")


@HARNESS.exploit("active-content-upload", cwe="CWE-434")
def active(ctx):
    c = client(ctx)
    for name, mimetype in (("avatar.html", "text/html"), ("avatar.svg", "image/svg+xml"), ("me.png.html", "image/png"),
                           ("avatar.js", "application/javascript")):
        content = b"<html><script>alert('rl-upload')</script></html>" + name.encode()
        upload(c, name, content, mimetype)
        active_files = [p for p in files_with(ctx, content)
                        if os.path.splitext(p)[1].lower() in (".html", ".htm", ".svg", ".js", ".xhtml", ".php")]
        if active_files:
            return Exploited(f"filename={name!r} ({mimetype})", f"an active file was stored where the site serves it: "
                                                                 f"{active_files[0]}")


if __name__ == "__main__":
    HARNESS.main()
