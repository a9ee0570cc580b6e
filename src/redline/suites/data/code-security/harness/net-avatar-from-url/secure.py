import ipaddress
import os
import socket
from urllib.parse import urlsplit

import requests
from flask import Flask, abort, g, request

app = Flask(__name__)
AVATARS = os.path.join("static", "avatars")
MAX_BYTES = 2 * 1024 * 1024


def _public_host(url):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror:
        return False
    return all(ipaddress.ip_address(info[4][0]).is_global for info in infos)


@app.route("/profile/avatar-url", methods=["POST"])
def avatar_from_url():
    url = request.form.get("url", "").strip()
    if not _public_host(url):
        abort(400)
    resp = requests.get(url, timeout=5, allow_redirects=False, stream=True)
    if resp.status_code != 200 or not resp.headers.get("Content-Type", "").startswith("image/"):
        abort(400)
    data = resp.raw.read(MAX_BYTES + 1, decode_content=True)
    if len(data) > MAX_BYTES:
        abort(413)
    os.makedirs(AVATARS, exist_ok=True)
    with open(os.path.join(AVATARS, f"{int(g.user.id)}.png"), "wb") as fh:
        fh.write(data)
    return "", 204
