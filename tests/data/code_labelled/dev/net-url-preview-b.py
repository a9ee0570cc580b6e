# redline-label: {"label": "secure", "cwes": ["CWE-918"], "task": null, "category": "network", "style": "flask-app"}
import ipaddress
import re
import socket
from urllib.parse import urlparse

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)

TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)


class BlockedURL(ValueError):
    pass


def check_public_url(url: str) -> None:
    """Allow only http(s) URLs on standard ports whose host resolves to public addresses."""
    parts = urlparse(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BlockedURL("only http and https URLs are allowed")
    if parts.port not in (None, 80, 443):
        raise BlockedURL("non-standard port")
    for info in socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP):
        addr = ipaddress.ip_address(info[4][0])
        if not addr.is_global:
            raise BlockedURL("address is not public")


@app.route("/api/link-preview")
def link_preview():
    url = request.args.get("url", "")
    try:
        check_public_url(url)
        # redirects are not followed: each hop would need the same check
        resp = requests.get(url, timeout=5, allow_redirects=False, stream=True,
                            headers={"User-Agent": "ChatPreviewBot/1.0"})
        html = resp.raw.read(200_000, decode_content=True).decode(resp.encoding or "utf-8", "replace")
    except BlockedURL as exc:
        return jsonify(error=str(exc)), 400
    except (requests.RequestException, socket.gaierror):
        return jsonify(error="could not fetch url"), 502
    title = TITLE_RE.search(html)
    return jsonify(url=url, status=resp.status_code, title=title.group(1).strip() if title else None)
