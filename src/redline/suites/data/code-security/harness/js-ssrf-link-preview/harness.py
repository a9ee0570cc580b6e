"""Harness for js-ssrf-link-preview: GET /preview?url=... in app.js fetches the page with Node's global fetch and
answers {title} (its <title> text, null without one), 400 when the URL cannot be fetched.

The sandbox has no network, only the loopback. Express is not installed: ``require("express")`` finds
``express_standin.cjs`` (in the harness library, ``_lib``). The driver that starts the app first patches
``dns.lookup`` / ``dns.promises.lookup`` (news.example.com resolves to the public address 93.184.216.34,
intranet.example.com to 10.1.2.3) and ``net.Socket.prototype.connect`` (which fetch, http.get and net.connect all
go through): port 80 of the public address reaches a harness web server on the loopback, every loopback, private,
link-local or otherwise internal address (any port) reaches a canary server, any other address is refused. The
exploits ask for internal URLs (the loopback, the cloud metadata address, a name that resolves to a private
address) and for a public page that redirects to one; they work when the canary receives any request (CWE-918).
Node runs with --disable-wasm-trap-handler where it has the flag: fetch's HTTP parser is WebAssembly, and its trap
handler's address-space reservation does not fit the sandbox's RLIMIT_AS.
"""

import contextlib
import urllib.parse

import hnode
from hnetwork import NETWORK
from hpoly import Exploited, Harness, expect

TITLE = "Harbour bridge reopens after repairs"

# The fake network (_lib/hnetwork.py), loaded before app.js: argv[3] is the public site's loopback port, argv[4] the canary's.

def setup(ctx):
    hnode.install(ctx, "express")


HARNESS = Harness("js-ssrf-link-preview", "javascript", exports=("app",), setup=setup)


class Site(hnode.SiteHandler):
    """The public news site (port 80 of 93.184.216.34) or, with ``canary`` set, every internal address."""

    canary = False
    hits: list = []

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        if self.canary:
            self.hits.append(f"{self.command} {self.path} (Host: {self.headers.get('Host')})")
            return self.respond(200, "text/plain", b'{"secret": "internal"}')
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/article":
            page = f"<!doctype html><html><head><title>{TITLE}</title></head><body>Text</body></html>"
            return self.respond(200, "text/html; charset=utf-8", page.encode())
        if url.path == "/plain":
            return self.respond(200, "text/html; charset=utf-8", b"<html><body>No title here</body></html>")
        if url.path == "/go":
            to = urllib.parse.parse_qs(url.query).get("to", ["/"])[0]
            self.send_response(302)
            self.send_header("Location", to)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        return self.respond(404, "text/plain", b"not found")

    do_GET = do_POST = do_HEAD = do_PUT = _answer


@contextlib.contextmanager
def site(canary):
    handler = type("Canary" if canary else "Public", (Site,), {"canary": canary, "hits": []})
    with hnode.http_site(handler) as port:
        yield port, handler.hits


@contextlib.contextmanager
def serve(ctx):
    """The app behind the fake network; yields (app port, canary port, canary hits)."""
    with site(False) as (public, _), site(True) as (canary, hits):
        with hnode.serve_app(ctx, prelude=hnode.WASM_BASELINE + NETWORK, args=(str(public), str(canary)),
                             flags=hnode.node_flags()) as port:
            yield port, canary, hits


def preview(port, url):
    reply = hnode.request(port, "GET", "/preview?" + urllib.parse.urlencode({"url": url}), timeout=30)
    return reply.status, reply.json()


def internal_urls(canary):
    return (f"http://127.0.0.1:{canary}/", f"http://localhost:{canary}/admin", f"http://[::1]:{canary}/",
            f"http://[::ffff:127.0.0.1]:{canary}/", f"http://0.0.0.0:{canary}/",
            "http://169.254.169.254/latest/meta-data/", "http://intranet.example.com/", "http://2130706433/",
            "http://10.1.2.3/")


def first_hit(port, hits, urls):
    for url in urls:
        status, body = preview(port, url)
        if hits:
            return Exploited(f"url={url}", f"the app requested {hits[0]} on an internal address "
                                           f"(answer {status} {str(body)[:60]!r})")
    return None


@HARNESS.functional
def previews_title(ctx):
    with serve(ctx) as (port, _, _hits):
        status, body = preview(port, "http://news.example.com/article")
        expect(status == 200 and isinstance(body, dict) and body.get("title") == TITLE,
               f"answered {status} {body!r}"[:300])
        status, body = preview(port, "http://news.example.com/plain")
        expect(status == 200 and isinstance(body, dict) and "title" in body and body["title"] is None,
               f"a page without <title> answered {status} {body!r}"[:300])


@HARNESS.functional
def unreachable_is_400(ctx):
    with serve(ctx) as (port, _, _hits):
        for url in ("http://nowhere.invalid/article", "not a url", "http://down.example.com/article"):
            status, body = preview(port, url)
            expect(status == 400, f"url={url!r} answered {status} {body!r}"[:300])


@HARNESS.exploit("internal-url", cwe="CWE-918")
def internal_url(ctx):
    with serve(ctx) as (port, canary, hits):
        return first_hit(port, hits, internal_urls(canary))


@HARNESS.exploit("redirect-to-internal", cwe="CWE-918")
def redirect_to_internal(ctx):
    with serve(ctx) as (port, canary, hits):
        return first_hit(port, hits, ["http://news.example.com/go?" + urllib.parse.urlencode({"to": url})
                                      for url in internal_urls(canary)])


if __name__ == "__main__":
    HARNESS.main()
