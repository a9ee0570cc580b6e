# redline-label: {"label": "vulnerable", "cwes": ["CWE-918"], "task": null, "category": "network", "style": "flask-app"}
import urllib.request

from flask import Flask, Response, abort, request

app = Flask(__name__)
MAX_BYTES = 5 * 1024 * 1024


@app.route("/img-proxy")
def image_proxy():
    """Proxy remote images so the forum can serve them over HTTPS.

    e.g. /img-proxy?src=http://example.com/cat.png
    """
    src = request.args.get("src")
    if not src:
        abort(400)
    with urllib.request.urlopen(src, timeout=10) as remote:
        ctype = remote.headers.get("Content-Type", "application/octet-stream")
        data = remote.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        abort(413)
    return Response(data, content_type=ctype, headers={"Cache-Control": "public, max-age=86400"})
