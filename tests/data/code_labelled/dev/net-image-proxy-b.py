# redline-label: {"label": "secure", "cwes": ["CWE-918"], "task": null, "category": "network", "style": "flask-app"}
from urllib.parse import urlparse

import requests
from flask import Flask, Response, abort, request

app = Flask(__name__)
MAX_BYTES = 5 * 1024 * 1024

# image hosts the forum embeds from
ALLOWED_HOSTS = {"i.imgur.com", "upload.wikimedia.org", "images.unsplash.com"}
ALLOWED_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}


@app.route("/img-proxy")
def image_proxy():
    src = request.args.get("src", "")
    parts = urlparse(src)
    if parts.scheme not in ("http", "https") or parts.hostname not in ALLOWED_HOSTS or parts.port not in (None, 80, 443):
        abort(400)
    resp = requests.get(src, timeout=10, stream=True, allow_redirects=False)
    ctype = resp.headers.get("Content-Type", "").split(";")[0]
    if resp.status_code != 200 or ctype not in ALLOWED_TYPES:
        abort(502)
    data = resp.raw.read(MAX_BYTES + 1, decode_content=True)
    if len(data) > MAX_BYTES:
        abort(413)
    return Response(data, content_type=ctype, headers={"Cache-Control": "public, max-age=86400"})
