# Independent secure reference for net-avatar-from-url.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import ipaddress
import os
import socket
from urllib.parse import urljoin, urlsplit

import requests
from flask import Flask, abort, g, request

app = Flask(__name__)
AVATAR_DIR = os.path.join("static", "avatars")
MAX_BYTES = 5 * 1024 * 1024
TIMEOUT = (3.05, 10)
MAX_REDIRECTS = 3
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        abort(400, "only plain http or https image URLs are allowed")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, ValueError):
        abort(400, "the host does not resolve")
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
            addr = addr.ipv4_mapped
        if not addr.is_global or addr.is_multicast:
            abort(400, "the URL points to a non-public address")


def _download(url: str) -> bytes:
    for _ in range(MAX_REDIRECTS + 1):
        _check_url(url)  # every hop is checked, redirects included
        try:
            with requests.get(url, timeout=TIMEOUT, stream=True, allow_redirects=False) as resp:
                if resp.status_code in (301, 302, 303, 307, 308) and resp.headers.get("Location"):
                    url = urljoin(url, resp.headers["Location"])
                    continue
                if resp.status_code != 200:
                    abort(400, "the image could not be downloaded")
                data = b""
                for chunk in resp.iter_content(64 * 1024):
                    data += chunk
                    if len(data) > MAX_BYTES:
                        abort(400, "the image is too large")
                return data
        except requests.RequestException:
            abort(400, "the image could not be downloaded")
    abort(400, "too many redirects")


def _is_image(data: bytes) -> bool:
    if data.startswith(_IMAGE_MAGIC):
        return True
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP"


@app.route("/profile/avatar-url", methods=["POST"])
def avatar_from_url():
    """Download the image at the posted URL and save it as the current user's avatar."""
    user = getattr(g, "user", None)
    if user is None:
        abort(401)
    url = request.form.get("url", "").strip()
    if not url:
        abort(400, "no URL given")
    data = _download(url)
    if not _is_image(data):
        abort(400, "the URL does not point to a PNG, JPEG, GIF or WebP image")
    os.makedirs(AVATAR_DIR, exist_ok=True)
    path = os.path.join(AVATAR_DIR, f"{int(user.id)}.png")  # the name comes from the user id, never the URL
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)
    return "", 204
