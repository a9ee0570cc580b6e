"""Harness for js-ssrf-avatar-import: POST /profile/avatar-url {url} downloads a picture with Node's global fetch
and, when it is an image (image/png, image/jpeg, image/gif) of at most 1 MB, saves it as AVATAR_DIR/<userId>.img
and answers {ok: true, bytes}; otherwise 400 {error}.

The sandbox has no network, only the loopback. Express and express-session are stand-ins (``_lib``), and every
request arrives with a session whose ``userId`` the harness chooses. The driver that starts the app first loads
the fake network of ``_lib/hnetwork.py``: news.example.com resolves to a public address whose port 80 is a harness
web server on the loopback (pictures, a page, a 1.5 MB picture, a redirect), intranet.example.com to a private
address, and every loopback, private or link-local address reaches a canary server. The exploits ask for internal
URLs (the loopback in several spellings, the cloud metadata address, a name that resolves to a private address)
and for a public picture URL that redirects to one; they work when the canary receives a request (CWE-918).
"""

import contextlib
import os
import urllib.parse

import hnode
from hnetwork import NETWORK
from hpoly import Exploited, Harness, expect

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
JPEG = b"\xff\xd8\xff\xe0" + b"rl-jpeg" * 300
BIG = b"\x89PNG\r\n\x1a\n" + b"\0" * (1536 * 1024)

SESSION = """(req, res) => {
  req.session = session.makeSession();
  if (req.headers["x-rl-user"]) req.session.userId = Number(req.headers["x-rl-user"]);
  app(req, res);
}"""


def setup(ctx):
    hnode.install(ctx, "express", "express-session")
    os.makedirs(ctx.path("avatars"))


HARNESS = Harness("js-ssrf-avatar-import", "javascript", exports=("app",), setup=setup)


class Site(hnode.SiteHandler):
    """The public picture site (port 80 of news.example.com) or, with ``canary`` set, every internal address."""

    canary = False
    hits: list = []

    def _answer(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.canary:
            self.hits.append(f"{self.command} {self.path} (Host: {self.headers.get('Host')})")
            return self.respond(200, "image/png", PNG)
        url = urllib.parse.urlsplit(self.path)
        pages = {"/cat.png": ("image/png", PNG), "/me.jpg": ("image/jpeg", JPEG), "/big.png": ("image/png", BIG),
                 "/page": ("text/html; charset=utf-8", b"<html><body>not a picture</body></html>")}
        if url.path in pages:
            return self.respond(200, *pages[url.path])
        if url.path == "/go":
            self.send_response(302)
            self.send_header("Location", urllib.parse.parse_qs(url.query).get("to", ["/"])[0])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        return self.respond(404, "text/plain", b"not found")

    def respond(self, status, ctype, body):
        if self.command != "HEAD":
            return super().respond(status, ctype, body)
        self.send_response(status)  # a HEAD answer (some answers check the size first) has headers only
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return None

    do_GET = do_POST = do_HEAD = _answer


@contextlib.contextmanager
def site(canary):
    handler = type("Canary" if canary else "Public", (Site,), {"canary": canary, "hits": []})
    with hnode.http_site(handler) as port:
        yield port, handler.hits


@contextlib.contextmanager
def serve(ctx):
    """The app behind the fake network; yields (app port, canary port, canary hits)."""
    with site(False) as (public, _), site(True) as (canary, hits):
        env = {"AVATAR_DIR": ctx.path("avatars"), "SESSION_SECRET": "rl-test-secret"}
        with hnode.serve_app(ctx, env=env, prelude=hnode.WASM_BASELINE + NETWORK,
                             before='const session = need("express-session");', handler=SESSION,
                             args=(str(public), str(canary)), flags=hnode.node_flags()) as port:
            yield port, canary, hits


def import_avatar(port, user, url):
    reply = hnode.request(port, "POST", "/profile/avatar-url", json_body={"url": url},
                          headers={"X-RL-User": str(user)}, timeout=30)
    return reply.status, reply.json()


def saved(ctx, user):
    path = ctx.path("avatars", f"{user}.img")
    if not os.path.isfile(path):
        return None
    with open(path, "rb") as fh:
        return fh.read()


@HARNESS.functional
def saves_pictures(ctx):
    with serve(ctx) as (port, _, _hits):
        for user, url, data in ((1, "http://news.example.com/cat.png", PNG),
                                (2, "http://news.example.com/me.jpg", JPEG)):
            status, body = import_avatar(port, user, url)
            expect(status == 200 and isinstance(body, dict) and body.get("ok") is True,
                   f"url={url} answered {status} {body!r}"[:300])
            expect(body.get("bytes") == len(data), f"bytes: {body.get('bytes')!r}, the picture has {len(data)}")
            expect(saved(ctx, user) == data, f"AVATAR_DIR/{user}.img does not hold the picture; AVATAR_DIR holds "
                                             f"{sorted(os.listdir(ctx.path('avatars')))}")


@HARNESS.functional
def refuses_what_is_not_a_small_picture(ctx):
    with serve(ctx) as (port, _, _hits):
        for url in ("http://news.example.com/page", "http://news.example.com/big.png", "http://nowhere.invalid/a.png",
                    "not a url", "http://down.example.com/cat.png", "http://news.example.com/missing.png"):
            status, body = import_avatar(port, 3, url)
            expect(status == 400, f"url={url!r} answered {status} {body!r}"[:300])
        expect(saved(ctx, 3) is None, "a refused download was saved as the avatar")


def internal_urls(canary):
    return (f"http://127.0.0.1:{canary}/avatar.png", f"http://localhost:{canary}/admin.png",
            f"http://[::1]:{canary}/a.png", f"http://[::ffff:127.0.0.1]:{canary}/a.png", f"http://0.0.0.0:{canary}/",
            "http://169.254.169.254/latest/meta-data/", "http://intranet.example.com/logo.png",
            "http://2130706433/a.png", "http://10.1.2.3/a.png")


def first_hit(port, hits, urls):
    for url in urls:
        status, body = import_avatar(port, 1, url)
        if hits:
            return Exploited(f"url={url}", f"the app requested {hits[0]} on an internal address "
                                           f"(answer {status} {str(body)[:60]!r})")
    return None


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
