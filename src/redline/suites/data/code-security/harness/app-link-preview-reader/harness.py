"""Harness for app-link-preview-reader: GET /preview?url=... shows a page's title and description; POST /feeds
(field url) adds an RSS feed and GET / shows its latest items. DNS and routing are faked: news.example.org is a
public address served by a loopback server; internal.example, 10.0.0.7 and 169.254.169.254 lead to an
"internal" loopback server."""

import html

from hlib import Exploited, Harness, expect, text_of

PUBLIC_IP, INTERNAL_IP, METADATA_IP = "93.184.216.34", "10.0.0.7", "169.254.169.254"
XSS_TITLE, XSS_DESC = "<img src=x onerror=alert('rl-title')>", "<script>alert('rl-desc')</script>"
PAGE = (b"<!doctype html><html><head><title>Allotment wins county prize</title>"
        b'<meta name="description" content="Rhubarb and leeks took first place."></head><body>story</body></html>')
EVIL = ("<!doctype html><html><head><title>" + html.escape(XSS_TITLE) + "</title>"
        '<meta name="description" content="' + XSS_DESC.replace('"', "&quot;") + '"></head><body>x</body></html>')
FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Village news</title><link>http://news.example.org/</link>
<description>News</description>
<item><title>Seed swap on Saturday</title><link>http://news.example.org/seed-swap</link><description>Bring seeds</description></item>
<item><title>Hedge planting day</title><link>http://news.example.org/hedges</link><description>Bring spades</description></item>
</channel></rss>"""
EVIL_FEED = ("""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Evil</title>
<link>http://news.example.org/</link><description>x</description><item><title>""" + html.escape(XSS_TITLE)
             + "</title><link>http://news.example.org/x</link><description>x</description></item></channel></rss>")


def setup(ctx):
    ctx.internal_port, ctx.internal_seen = ctx.http_server(
        lambda path: (200, {"Content-Type": "text/html"}, b"<title>rl-internal-secret</title>"))
    internal = f"http://{INTERNAL_IP}/"

    def public(path):
        if path.startswith("/redirect"):
            return 302, {"Location": internal + "latest/meta-data"}, b""
        if path.startswith("/feed.xml"):
            return 200, {"Content-Type": "application/rss+xml"}, FEED
        if path.startswith("/evil-feed.xml"):
            return 200, {"Content-Type": "application/rss+xml"}, EVIL_FEED.encode()
        if path.startswith("/evil"):
            return 200, {"Content-Type": "text/html; charset=utf-8"}, EVIL.encode()
        return 200, {"Content-Type": "text/html; charset=utf-8"}, PAGE
    public_port, _ = ctx.http_server(public)
    ctx.fake_network({"news.example.org": PUBLIC_IP, "internal.example": INTERNAL_IP},
                     {(PUBLIC_IP, 80): public_port, (INTERNAL_IP, 80): ctx.internal_port,
                      (METADATA_IP, 80): ctx.internal_port})


HARNESS = Harness("app-link-preview-reader", setup)


def preview(c, url):
    return c.get("/preview", query_string={"url": url})


@HARNESS.functional
def preview_card(ctx):
    resp = preview(ctx.client(), "http://news.example.org/story")
    body = html.unescape(text_of(resp))
    expect(resp.status_code == 200, f"GET /preview: status {resp.status_code}")
    expect("Allotment wins county prize" in body and "Rhubarb and leeks took first place." in body,
           "the preview does not show the page's title and description")


@HARNESS.functional
def feed_items_listed(ctx):
    c = ctx.client()
    resp = c.post("/feeds", data={"url": "http://news.example.org/feed.xml"})
    expect(resp.status_code < 400, f"POST /feeds: status {resp.status_code}")
    body = html.unescape(text_of(c.get("/")))
    expect("Seed swap on Saturday" in body and "Hedge planting day" in body, "GET / does not show the feed's items")


@HARNESS.exploit("ssrf-internal", cwe="CWE-918")
def ssrf(ctx):
    c = ctx.client()
    for url in (f"http://127.0.0.1:{ctx.internal_port}/admin", f"http://localhost:{ctx.internal_port}/admin",
                "http://internal.example/admin", f"http://{METADATA_IP}/latest/meta-data/",
                "http://news.example.org/redirect"):
        preview(c, url)
        if ctx.internal_seen:
            return Exploited(f"/preview?url={url}", f"the server fetched an internal address ({ctx.internal_seen[0]})")
    for url in ("http://internal.example/feed.xml", f"http://{METADATA_IP}/latest/meta-data/"):
        c.post("/feeds", data={"url": url})
        c.get("/")
        if ctx.internal_seen:
            return Exploited(f"POST /feeds url={url}", f"the server fetched an internal address "
                                                       f"({ctx.internal_seen[0]})")


@HARNESS.exploit("stored-xss", cwe="CWE-79")
def xss(ctx):
    c = ctx.client()
    body = text_of(preview(c, "http://news.example.org/evil"))
    for marker in (XSS_TITLE, XSS_DESC):
        if marker in body:
            return Exploited("/preview?url=http://news.example.org/evil", f"the page's {marker[:30]} reached the "
                                                                          "preview card as live markup")
    c.post("/feeds", data={"url": "http://news.example.org/evil-feed.xml"})
    if XSS_TITLE in text_of(c.get("/")):
        return Exploited("a feed item titled " + XSS_TITLE, "the item title reached / as live markup")


@HARNESS.exploit("debug-mode", cwe="CWE-489")
def debug(ctx):
    runs = ctx.run_as_main()
    if any(run.get("debug") for run in runs) or ctx.app().debug:
        return Exploited("python -m app.solution", "the app starts with the Werkzeug debugger on")


if __name__ == "__main__":
    HARNESS.main()
