# redline-label: {"label": "secure", "cwes": ["CWE-918"], "task": null, "category": "network", "style": "flask-app"}
from urllib.parse import urlsplit

import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)

# provider host -> its oEmbed endpoint; the user's URL is only ever sent as a query parameter
OEMBED_PROVIDERS = {
    "www.youtube.com": "https://www.youtube.com/oembed",
    "youtu.be": "https://www.youtube.com/oembed",
    "vimeo.com": "https://vimeo.com/api/oembed.json",
    "soundcloud.com": "https://soundcloud.com/oembed",
}


@app.get("/api/embed")
def embed():
    """Return embed HTML/metadata for a media link pasted into a post."""
    link = request.args.get("url", "")
    parts = urlsplit(link)
    endpoint = OEMBED_PROVIDERS.get(parts.hostname or "")
    if parts.scheme != "https" or endpoint is None:
        abort(400, description="unsupported media provider")
    resp = requests.get(endpoint, params={"url": link, "format": "json"}, timeout=5, allow_redirects=False)
    if resp.status_code != 200:
        abort(502)
    data = resp.json()
    return jsonify(title=data.get("title"), provider=data.get("provider_name"), thumbnail=data.get("thumbnail_url"))
