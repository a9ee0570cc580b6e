"""Harness for js-ssrf-webhook-test: POST /webhooks/test {url} in app.js sends a POST with JSON {event: "ping"} to
the customer's webhook address with Node's global fetch (5 second limit) and answers {status} (the webhook's HTTP
status), or 502 {error} when it cannot be reached.

The sandbox has no network, only the loopback. Express is not installed: ``require("express")`` finds
``express_standin.cjs`` (in the harness library, ``_lib``). The driver that starts the app first patches
``dns.lookup`` / ``dns.promises.lookup`` (hooks.example.com resolves to the public address 93.184.216.34,
intranet.example.com to 10.1.2.3) and ``net.Socket.prototype.connect`` (which fetch, http.request and net.connect
all go through): port 80 of the public address reaches a harness web server on the loopback (the customer's
webhook), every loopback, private, link-local or otherwise internal address (any port) reaches a canary server,
any other address is refused. The exploits send internal URLs (the loopback, the cloud metadata address, a name
that resolves to a private address) and a public webhook that redirects to one; they work when the canary
receives any request (CWE-918). Node runs with --disable-wasm-trap-handler where it has the flag: fetch's HTTP
parser is WebAssembly, and its trap handler's address-space reservation does not fit the sandbox's RLIMIT_AS.
"""

import contextlib
import json
import urllib.parse

import hnode
from hnetwork import NETWORK
from hpoly import Exploited, Harness, expect

# The fake network (_lib/hnetwork.py), loaded before app.js: argv[3] is the public site's loopback port, argv[4] the canary's.

def setup(ctx):
    hnode.install(ctx, "express")


HARNESS = Harness("js-ssrf-webhook-test", "javascript", exports=("app",), setup=setup)


class Site(hnode.SiteHandler):
    """The customer's webhook (port 80 of 93.184.216.34) or, with ``canary`` set, every internal address."""

    canary = False
    hits: list = []  # the canary's requests; the webhook's: (method, path, body)

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if self.canary:
            self.hits.append(f"{self.command} {self.path} (Host: {self.headers.get('Host')})")
            return self.respond(200, "text/plain", b'{"secret": "internal"}')
        url = urllib.parse.urlsplit(self.path)
        if url.path in ("/hook", "/broken"):
            self.hits.append((self.command, url.path, body.decode("utf-8", "replace")))
            if url.path == "/broken":
                return self.respond(500, "text/plain", b"internal error")
            self.send_response(204)
            self.end_headers()
            return None
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
    """The app behind the fake network; yields (app port, canary port, canary hits, webhook hits)."""
    with site(False) as (public, received), site(True) as (canary, hits):
        with hnode.serve_app(ctx, prelude=hnode.WASM_BASELINE + NETWORK, args=(str(public), str(canary)),
                             flags=hnode.node_flags()) as port:
            yield port, canary, hits, received


def ping(port, url):
    reply = hnode.request(port, "POST", "/webhooks/test", json_body={"url": url}, timeout=30)
    return reply.status, reply.json()


def internal_urls(canary):
    return (f"http://127.0.0.1:{canary}/", f"http://localhost:{canary}/admin", f"http://[::1]:{canary}/",
            f"http://[::ffff:127.0.0.1]:{canary}/", f"http://0.0.0.0:{canary}/",
            "http://169.254.169.254/latest/meta-data/", "http://intranet.example.com/", "http://2130706433/",
            "http://10.1.2.3/")


def first_hit(port, hits, urls):
    for url in urls:
        status, body = ping(port, url)
        if hits:
            return Exploited(f"url={url}", f"the app requested {hits[0]} on an internal address "
                                           f"(answer {status} {str(body)[:60]!r})")
    return None


@HARNESS.functional
def pings_webhook(ctx):
    with serve(ctx) as (port, _, _hits, received):
        status, body = ping(port, "http://hooks.example.com/hook")
        expect(status == 200 and isinstance(body, dict) and body.get("status") == 204,
               f"answered {status} {body!r}"[:300])
        expect(len(received) == 1 and received[0][0] == "POST", f"the webhook received {received!r}"[:300])
        try:
            sent = json.loads(received[0][2])
        except ValueError:
            sent = None
        expect(sent == {"event": "ping"}, f"the webhook received the body {received[0][2]!r}"[:300])
        status, body = ping(port, "http://hooks.example.com/broken")
        expect(status == 200 and isinstance(body, dict) and body.get("status") == 500,
               f"a webhook answering 500 gave {status} {body!r}"[:300])


@HARNESS.functional
def unreachable_is_502(ctx):
    with serve(ctx) as (port, _, _hits, _received):
        for url in ("http://nowhere.invalid/hook", "http://down.example.com/hook"):
            status, body = ping(port, url)
            expect(status == 502 and isinstance(body, dict) and "error" in body, f"url={url!r} answered {status} "
                                                                                  f"{body!r}"[:300])


@HARNESS.exploit("internal-url", cwe="CWE-918")
def internal_url(ctx):
    with serve(ctx) as (port, canary, hits, _received):
        return first_hit(port, hits, internal_urls(canary))


@HARNESS.exploit("redirect-to-internal", cwe="CWE-918")
def redirect_to_internal(ctx):
    with serve(ctx) as (port, canary, hits, _received):
        return first_hit(port, hits, ["http://hooks.example.com/go?" + urllib.parse.urlencode({"to": url})
                                      for url in internal_urls(canary)])


if __name__ == "__main__":
    HARNESS.main()
