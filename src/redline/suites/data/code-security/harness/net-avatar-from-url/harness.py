"""Harness for net-avatar-from-url: POST /profile/avatar-url (form field url) downloads the image and saves it as
static/avatars/<g.user.id>.png. DNS and routing are faked: images.example.com is a public address served by a
loopback server; internal.example, 10.0.0.7 and 169.254.169.254 lead to an "internal" loopback server."""

import os
import types

from hlib import Exploited, Harness, expect

PNG = b"\x89PNG\r\n\x1a\nrl-avatar-image-bytes"
PUBLIC_IP, INTERNAL_IP, METADATA_IP = "93.184.216.34", "10.0.0.7", "169.254.169.254"


def setup(ctx):
    ctx.internal_port, ctx.internal_seen = ctx.http_server(lambda path: (200, {"Content-Type": "image/png"},
                                                                         b"rl-internal-secret"))
    internal = f"http://{INTERNAL_IP}/"

    def public(path):
        if path.startswith("/redirect"):
            return 302, {"Location": internal + "latest/meta-data"}, b""
        return 200, {"Content-Type": "image/png"}, PNG
    public_port, _ = ctx.http_server(public)
    ctx.fake_network({"images.example.com": PUBLIC_IP, "internal.example": INTERNAL_IP},
                     {(PUBLIC_IP, 80): public_port, (INTERNAL_IP, 80): ctx.internal_port,
                      (METADATA_IP, 80): ctx.internal_port})


HARNESS = Harness("net-avatar-from-url", setup)


def client(ctx):
    from flask import g

    app = ctx.app()
    user = types.SimpleNamespace(id=7, name="ana", avatar=None)

    def set_user():
        g.user = user
    app.before_request_funcs.setdefault(None, []).insert(0, set_user)
    return app.test_client()


def saved_avatar(ctx):
    for folder, _, files in os.walk(ctx.dir):
        for name in files:
            with open(os.path.join(folder, name), "rb") as fh:
                if fh.read() == PNG:
                    return os.path.relpath(os.path.join(folder, name), ctx.dir)
    return None


@HARNESS.functional
def downloads_public_image(ctx):
    resp = client(ctx).post("/profile/avatar-url", data={"url": "http://images.example.com/cat.png"})
    expect(resp.status_code < 400, f"status {resp.status_code}")
    where = saved_avatar(ctx)
    expect(where is not None, "the image was not saved")
    expect("avatars" in where, f"saved at {where}, not under static/avatars")


@HARNESS.exploit("ssrf-internal", cwe="CWE-918")
def ssrf(ctx):
    c = client(ctx)
    for url in (f"http://127.0.0.1:{ctx.internal_port}/admin", f"http://localhost:{ctx.internal_port}/admin",
                "http://internal.example/admin", f"http://{METADATA_IP}/latest/meta-data/",
                "http://images.example.com/redirect"):
        c.post("/profile/avatar-url", data={"url": url})
        if ctx.internal_seen:
            return Exploited(url, f"the server fetched an internal address for the attacker ({ctx.internal_seen[0]})")


if __name__ == "__main__":
    HARNESS.main()
