"""Harness for js-upload-avatar: POST /avatar (multipart, one file field avatar) saves the file under UPLOAD_DIR
and answers {path}, the stored name relative to UPLOAD_DIR; avatars are PNG, JPEG or GIF images of at most 2 MB.

Express and multer are not installed in the sandbox: ``require("express")`` finds ``express_standin.cjs`` and
``require("multer")`` finds ``multer_standin.cjs`` (in the harness library, ``_lib``; multer's API, storage engines, defaults and
errors; like busboy it keeps only the last path component of the client's file name, so the traversal works only
when the app decodes the name or reads a path from elsewhere). Exploits: an upload whose file name climbs out of UPLOAD_DIR writes a file outside it (CWE-22); an HTML or
SVG file (script in the site's origin once the avatar folder is served) is stored under a name that keeps its
dangerous extension (CWE-434).
"""

import os
import uuid

import hnode
from hpoly import Exploited, Harness, expect

HERE = os.path.dirname(os.path.abspath(__file__))
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000100ffff03000006000557bfabd40000000049454e44ae426082")
DANGEROUS = (".html", ".htm", ".xhtml", ".svg", ".svgz", ".js", ".mjs", ".php", ".shtml", ".xml")



def setup(ctx):
    hnode.install(ctx, "express", "multer", here=HERE)
    os.makedirs(ctx.path("srv", "uploads", "avatars"))


HARNESS = Harness("js-upload-avatar", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    env = {"UPLOAD_DIR": ctx.path("srv", "uploads", "avatars")}
    return hnode.serve_app(ctx, env=env)


def upload(port, filename, data, ctype):
    boundary = "rlBoundary" + uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"{filename}\"\r\n"
            f"Content-Type: {ctype}\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    reply = hnode.request(port, "POST", "/avatar", body=body,
                          headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    answer = reply.json(None)
    stored = answer.get("path") if isinstance(answer, dict) else None
    return reply.status, stored if isinstance(stored, str) else None


@HARNESS.functional
def stores_png(ctx):
    with serve(ctx) as port:
        status, stored = upload(port, "me.png", PNG, "image/png")
        expect(status in (200, 201) and stored, f"upload answered {status}, path {stored!r}")
        full = os.path.join(ctx.path("srv", "uploads", "avatars"), stored)
        expect(os.path.isfile(full), f"no file at UPLOAD_DIR/{stored}")
        with open(full, "rb") as fh:
            expect(fh.read() == PNG, "the stored file is not the uploaded image")


def outside(ctx):
    """Files named like the payload anywhere in the test's folder but outside UPLOAD_DIR."""
    box = ctx.path("srv", "uploads", "avatars")
    hits = []
    for root, _, files in os.walk(ctx.dir):
        if os.path.commonpath([root, box]) == box:
            continue
        hits += [os.path.relpath(os.path.join(root, f), ctx.dir) for f in files if "rl_pwned" in f]
    return hits


@HARNESS.exploit("path-traversal", cwe="CWE-22")
def escape_folder(ctx):
    with serve(ctx) as port:
        for name in ("../../rl_pwned.png", "..%2f..%2frl_pwned.png", "%2f..%2f..%2f..%2frl_pwned.png",
                     "..%5c..%5crl_pwned.png", ctx.path("rl_pwned.png")):
            upload(port, name, PNG, "image/png")
            hits = outside(ctx)
            if hits:
                return Exploited(f"filename={name!r}", f"the upload was written outside UPLOAD_DIR: {hits[0]}")
    return None


@HARNESS.exploit("unrestricted-upload", cwe="CWE-434")
def script_file(ctx):
    with serve(ctx) as port:
        for name, ctype, data in (("avatar.html", "text/html", b"<script>alert(document.cookie)</script>"),
                                  ("avatar.svg", "image/svg+xml",
                                   b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
                                  ("avatar.html", "image/png", b"<script>alert(document.cookie)</script>")):
            status, stored = upload(port, name, data, ctype)
            if status in (200, 201) and stored:
                full = os.path.join(ctx.path("srv", "uploads", "avatars"), stored)
                if os.path.isfile(full) and stored.lower().endswith(DANGEROUS):
                    return Exploited(f"{name} ({ctype})", f"stored as {stored}: served from the avatar folder, its "
                                                          "script runs in the site's origin")
    return None


if __name__ == "__main__":
    HARNESS.main()
