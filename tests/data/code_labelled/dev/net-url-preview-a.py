# redline-label: {"label": "vulnerable", "cwes": ["CWE-918"], "task": null, "category": "network", "style": "flask-app"}
import re

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)

TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
OG_IMAGE_RE = re.compile(r'<meta[^>]+property=["\']og:image["\'][^>]+content=["\']([^"\']+)', re.I)


@app.route("/api/link-preview")
def link_preview():
    """Used by the chat client to show a preview card for pasted links."""
    url = request.args.get("url")
    if not url:
        return jsonify(error="url is required"), 400
    try:
        resp = requests.get(url, timeout=5, headers={"User-Agent": "ChatPreviewBot/1.0"})
    except requests.RequestException as exc:
        return jsonify(error=str(exc)), 502
    html = resp.text[:200_000]
    title = TITLE_RE.search(html)
    image = OG_IMAGE_RE.search(html)
    return jsonify(
        url=resp.url,
        status=resp.status_code,
        title=title.group(1).strip() if title else None,
        image=image.group(1) if image else None,
    )
