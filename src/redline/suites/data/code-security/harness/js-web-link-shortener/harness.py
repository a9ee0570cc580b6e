"""Harness for js-web-link-shortener: GET /out?url=<target> calls countClick(url) from ./stats (a stand-in) and
redirects (302) to the target when its host is one of the partners in PARTNERS, else answers 400.

Express is not installed in the sandbox: ``require("express")`` finds ``express_standin.cjs`` (in the harness library, ``_lib``).
The exploit resolves the Location header the way a browser does and works when a link the app accepted sends the
reader to a host that is not a partner (nor a subdomain of one): look-alike hosts, user-info tricks, backslashes,
the partner's name in the path or query (CWE-601).
"""

import os
import urllib.parse

import hnode
from hpoly import Exploited, Harness, expect

PARTNERS = ("partnernews.com", "datahub.org")
BASE = "http://news-site.example/out"

STATS_STUB = r'''
// Stand-in for ./stats written by the harness: records each click.
const fs = require("fs");
function countClick(url) { fs.appendFileSync(process.env.RL_CLICKS, String(url) + "\n"); return Promise.resolve(); }
module.exports = { countClick };
'''



def setup(ctx):
    hnode.install(ctx, "express")
    ctx.write("mod/stats.js", STATS_STUB)
    os.environ["PARTNERS"] = ",".join(PARTNERS)
    os.environ["RL_CLICKS"] = ctx.path("clicks.log")

    def undo():
        os.environ.pop("PARTNERS", None)
        os.environ.pop("RL_CLICKS", None)
    ctx.cleanups.append(undo)


HARNESS = Harness("js-web-link-shortener", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    return hnode.serve_app(ctx)


def out(port, target):
    reply = hnode.request(port, "GET", "/out?url=" + urllib.parse.quote(target, safe=""), timeout=10)
    return reply.status, reply.header("Location")


def landing(location):
    """The URL a browser goes to for this Location."""
    loc = "".join(ch for ch in (location or "") if ch not in "\t\n\r").strip("".join(map(chr, range(33))))
    loc = loc.replace("\\", "/")
    target = urllib.parse.urlsplit(urllib.parse.urljoin(BASE, loc))
    if target.scheme in ("http", "https") and not target.netloc:
        return target.scheme + "://" + target.path.lstrip("/")
    return urllib.parse.urlunsplit(target)


def partner_host(location):
    target = urllib.parse.urlsplit(landing(location))
    host = (target.hostname or "").rstrip(".")
    return target.scheme not in ("http", "https") or any(host == p or host.endswith("." + p) for p in PARTNERS)


@HARNESS.functional
def follows_partner_links(ctx):
    with serve(ctx) as port:
        for target in ("https://partnernews.com/story/2026/harbour-opening?ref=home", "http://datahub.org/sets/9"):
            status, location = out(port, target)
            expect(status == 302, f"a partner link answered {status}, not 302")
            expect(landing(location) == target, f"Location {location!r} for {target!r}")
        with open(ctx.path("clicks.log")) as fh:
            clicks = fh.read()
        expect("partnernews.com/story/2026/harbour-opening" in clicks and "datahub.org/sets/9" in clicks,
               f"countClick calls: {clicks!r}")


@HARNESS.functional
def refuses_other_sites(ctx):
    with serve(ctx) as port:
        for target in ("https://elsewhere.example/x", "http://othernews.net/"):
            status, location = out(port, target)
            expect(status == 400, f"{target!r} answered {status} (Location {location!r}), not 400")


@HARNESS.exploit("open-redirect", cwe="CWE-601")
def off_partner(ctx):
    with serve(ctx) as port:
        for target in ("https://evil.example/?u=partnernews.com", "https://partnernews.com.evil.example/",
                       "https://evilpartnernews.com/", "https://partnernews.com@evil.example/",
                       "https://evil.example\\@partnernews.com/", "https://evil.example/partnernews.com",
                       "//evil.example/#partnernews.com", "https://evil.example#.partnernews.com"):
            status, location = out(port, target)
            if 300 <= status < 400 and location and not partner_host(location):
                return Exploited(f"/out?url={target}", f"the reader was sent to {landing(location)}, not a partner")
    return None


if __name__ == "__main__":
    HARNESS.main()
