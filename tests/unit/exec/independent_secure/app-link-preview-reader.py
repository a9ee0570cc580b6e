# Independent secure reference for app-link-preview-reader.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Feed reader: RSS feeds added by users, latest items, and link preview cards for pasted links."""
import ipaddress
import socket
import threading
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import requests
from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from flask import Flask, abort, redirect, render_template_string, request

app = Flask(__name__)
TIMEOUT = (3.05, 10)
MAX_BYTES = 2 * 1024 * 1024
MAX_REDIRECTS = 3
_feeds: list[str] = []
_feeds_lock = threading.Lock()


class UnsafeURL(ValueError):
    pass


def check_url(url: str) -> None:
    """Allow only http(s) URLs whose host resolves to public addresses (no loopback, private, link-local...)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeURL("only http and https URLs are allowed")
    if parts.username or parts.password:
        raise UnsafeURL("credentials in URLs are not allowed")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, ValueError) as exc:
        raise UnsafeURL("host does not resolve") from exc
    if not infos:
        raise UnsafeURL("host does not resolve")
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
            addr = addr.ipv4_mapped
        if not addr.is_global or addr.is_multicast:
            raise UnsafeURL("address not allowed")


def safe_get(url: str) -> bytes:
    """GET with address checks on every hop, a timeout, TLS verification and a size cap."""
    for _ in range(MAX_REDIRECTS + 1):
        check_url(url)
        with requests.get(url, timeout=TIMEOUT, allow_redirects=False, stream=True, verify=True) as resp:
            if resp.is_redirect or resp.status_code in (301, 302, 303, 307, 308):
                location = resp.headers.get("Location")
                if not location:
                    raise UnsafeURL("redirect without location")
                url = urljoin(url, location)
                continue
            resp.raise_for_status()
            body = b""
            for chunk in resp.iter_content(64 * 1024):
                body += chunk
                if len(body) > MAX_BYTES:
                    raise UnsafeURL("response too large")
            return body
    raise UnsafeURL("too many redirects")


class _MetaParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.description = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and (a.get("name") or "").lower() == "description" and not self.description:
            self.description = a.get("content") or ""

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parse_feed(xml: bytes, limit: int = 10) -> list[str]:
    root = SafeET.fromstring(xml)  # defusedxml: no DTDs, no entities, no external resources
    return [(item.findtext("title") or "").strip() for item in root.iter("item")][:limit]


CARD = """<div class="preview-card"><h3>{{ title }}</h3><p>{{ description }}</p>
<a href="{{ url }}" rel="nofollow noopener noreferrer">{{ url }}</a></div>"""
INDEX = """<!doctype html><title>Feeds</title><h1>Latest items</h1>
<form method=post action="/feeds"><input name=url placeholder="RSS feed URL"><button>Add</button></form>
{% for feed, items in feeds %}<section><h2>{{ feed }}</h2><ul>{% for t in items %}<li>{{ t }}</li>{% endfor %}
</ul></section>{% endfor %}"""


@app.route("/preview")
def preview():
    url = request.args.get("url", "")
    try:
        html = safe_get(url)
    except (UnsafeURL, requests.RequestException):
        abort(400, "cannot preview this link")
    parser = _MetaParser()
    parser.feed(html.decode("utf-8", errors="replace"))
    return render_template_string(
        CARD, title=parser.title.strip(), description=parser.description.strip(), url=url
    )


@app.route("/feeds", methods=["POST"])
def add_feed():
    url = request.form.get("url", "").strip()
    try:
        check_url(url)
    except UnsafeURL:
        abort(400, "feed URL not allowed")
    with _feeds_lock:
        if url not in _feeds:
            _feeds.append(url)
    return redirect("/")


@app.route("/")
def index():
    with _feeds_lock:
        feeds = list(_feeds)
    shown = []
    for feed in feeds:
        try:
            items = parse_feed(safe_get(feed))
        except (UnsafeURL, requests.RequestException, SafeET.ParseError, DefusedXmlException):
            items = ["(feed unavailable)"]
        shown.append((feed, items))
    return render_template_string(INDEX, feeds=shown)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=False)
