"""Harness for js-web-login-redirect: POST /login (urlencoded email, password, next) checks the password with
checkPassword from ./auth (a stand-in), sets req.session.user and redirects (302) to next or /dashboard.

Express and express-session are not installed in the sandbox: ``require("express")`` finds
``express_standin.cjs`` (in the harness library, ``_lib``; Express 4's routing, helpers and defaults, including the encoding of a
redirect's Location), and every request arrives with a ``req.session`` (regenerate/save/destroy), as the prompt
says express-session is set up; ``require("express-session")`` finds a stand-in that does the same. The exploit
resolves the Location header the way a browser does (backslashes as slashes, leading blanks and tabs dropped) and
works when the user lands on another host (CWE-601).
"""

import urllib.parse

import hnode
from hpoly import Exploited, Harness, expect

BASE = "http://app.example/login"

AUTH_STUB = r'''
// Stand-in for ./auth written by the harness.
async function checkPassword(email, password) {
  return email === "ann@example.org" && password === "right-pass";
}
module.exports = { checkPassword };
'''



def setup(ctx):
    hnode.install(ctx, "express")
    hnode.install(ctx, "express-session")
    ctx.write("mod/auth.js", AUTH_STUB)


HARNESS = Harness("js-web-login-redirect", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    return hnode.serve_app(ctx, before='const session = need("express-session");',
                           handler="(req, res) => { req.session = session.makeSession(); app(req, res); }")


def login(port, fields):
    reply = hnode.request(port, "POST", "/login", form=fields, headers={"Host": "app.example"}, timeout=10)
    return reply.status, reply.header("Location")


def landing(location):
    """The URL a browser goes to for this Location, from the login page."""
    loc = "".join(ch for ch in (location or "") if ch not in "\t\n\r").strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08"
                                                                          "\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15"
                                                                          "\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    loc = loc.replace("\\", "/")
    target = urllib.parse.urlsplit(urllib.parse.urljoin(BASE, loc))
    if target.scheme in ("http", "https") and not target.netloc:  # "https:evil.example" is https://evil.example/
        return target.scheme + "://" + target.path.lstrip("/")
    return urllib.parse.urlunsplit(target)


def same_site(location):
    target = urllib.parse.urlsplit(landing(location))
    return target.scheme not in ("http", "https") or (target.hostname or "") == "app.example"


@HARNESS.functional
def redirects_to_next(ctx):
    with serve(ctx) as port:
        status, location = login(port, {"email": "ann@example.org", "password": "right-pass",
                                        "next": "/articles/42?tab=comments"})
        expect(status == 302, f"login answered {status}, not 302")
        expect(landing(location) == "http://app.example/articles/42?tab=comments", f"Location {location!r}")
        status, location = login(port, {"email": "ann@example.org", "password": "right-pass"})
        expect(status == 302 and landing(location) == "http://app.example/dashboard", f"without next: {status} "
                                                                                        f"{location!r}")


@HARNESS.functional
def wrong_password_is_401(ctx):
    with serve(ctx) as port:
        status, location = login(port, {"email": "ann@example.org", "password": "wrong", "next": "/articles/42"})
        expect(status == 401, f"a wrong password answered {status} (Location {location!r})")


@HARNESS.exploit("open-redirect", cwe="CWE-601")
def off_site(ctx):
    with serve(ctx) as port:
        for nxt in ("https://evil.example/login", "//evil.example/", "/\\evil.example/", "\\\\evil.example",
                    "/\t/evil.example/", " //evil.example", "https:evil.example", "http://app.example@evil.example/"):
            status, location = login(port, {"email": "ann@example.org", "password": "right-pass", "next": nxt})
            if 300 <= status < 400 and location and not same_site(location):
                return Exploited(f"next={nxt!r}", f"after login the user was sent to {landing(location)} "
                                                  f"(Location {location!r})")
    return None


if __name__ == "__main__":
    HARNESS.main()
