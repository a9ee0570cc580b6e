"""Feed reader: RSS feeds added by users, latest items, and link preview cards for pasted links."""
import ipaddress
import socket
from urllib.parse import urljoin, urlsplit

import feedparser
import requests
from bs4 import BeautifulSoup
from flask import Flask, abort, redirect, render_template_string, request, url_for

app = Flask(__name__)
FEEDS: list[str] = []
MAX_BYTES = 1_000_000


def public_url(url):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror:
        return False
    return all(ipaddress.ip_address(info[4][0]).is_global for info in infos)


def fetch(url):
    for _ in range(4):
        if not url.startswith(("http://", "https://")):
            return None
        resp = requests.get(url, timeout=5, allow_redirects=False, stream=True)
        if resp.is_redirect:
            url = urljoin(url, resp.headers.get("Location", ""))
            continue
        return resp.raw.read(MAX_BYTES, decode_content=True)
    return None


@app.route("/")
def index():
    items = []
    for feed_url in FEEDS:
        data = fetch(feed_url)
        if data:
            items += feedparser.parse(data).entries[:10]
    return render_template_string("""<h1>Latest</h1><ul>{% for i in items %}<li><a href="{{ i.get('link', '#')
      if i.get('link', '').startswith(('http://', 'https://')) else '#' }}">{{ i.get('title', '') }}</a></li>
      {% endfor %}</ul>""", items=items)


@app.route("/feeds", methods=["GET", "POST"])
def feeds():
    if request.method == "POST":
        url = request.form.get("url", "").strip()
        if not public_url(url):
            abort(400)
        FEEDS.append(url)
        return redirect(url_for("index"))
    return render_template_string('<form method="post"><input name="url"><button>Add</button></form>')


@app.route("/preview")
def preview():
    url = request.args.get("url", "")
    data = fetch(url)
    if data is None:
        abort(400)
    soup = BeautifulSoup(data, "html.parser")
    title = soup.title.get_text(strip=True) if soup.title else url
    meta = soup.find("meta", attrs={"name": "description"})
    desc = meta.get("content", "") if meta else ""
    return render_template_string("""<div class="card"><h3>{{ title }}</h3><p>{{ desc }}</p>
      <a href="{{ url }}">{{ url }}</a></div>""", title=title, desc=desc, url=url)


if __name__ == "__main__":
    app.run()
