"""Harness for js-session-cookie-setup: express-session with the cookie named sid, the secret from SESSION_SECRET,
a 30-minute lifetime, and POST /login (JSON {username, password}, checked with verifyUser from ./users, a
stand-in) that stores req.session.userId and answers {ok: true}, or 401 {ok: false}.

Express and express-session are not installed in the sandbox: ``require("express")`` finds
``express_standin.cjs`` and ``require("express-session")`` finds ``express_session_standin.cjs`` (in the harness library, ``_lib``;
the real module's cookie defaults, signing and its refusal to send a Secure cookie over an unencrypted connection).
The app is reached as it is in production, over an encrypted connection (the request's socket is marked
``encrypted``, as TLS in Node marks it), with NODE_ENV=production. Exploits: the session cookie lacks Secure, so a
plain-HTTP request leaks it (CWE-614); the cookie lacks HttpOnly, so page script can read it (CWE-1004); its
signature verifies with a string literal of the program, with SESSION_SECRET set or as a fallback when it is
missing, so anyone with the code can forge sessions (CWE-798).
"""

import base64
import email.utils
import hashlib
import hmac
import os
import time
import urllib.parse

import hnode
from hpoly import Exploited, Harness, expect

HERE = os.path.dirname(os.path.abspath(__file__))
SECRET = "rl-env-session-secret-9f02c7"  # noqa: S105 - the harness's own SESSION_SECRET

USERS_STUB = r'''
// Stand-in for ./users written by the harness.
function verifyUser(username, password) {
  return username === "ann" && password === "pw-ann-1" ? { id: 7, name: "Ann Example" } : null;
}
module.exports = { verifyUser };
'''# the app sits behind TLS (so a Secure cookie is sent): the socket says it is encrypted
HTTPS = "(req, res) => { req.socket.encrypted = true; app(req, res); }"


def setup(ctx):
    hnode.install(ctx, "express", "express-session", here=HERE)
    ctx.write("mod/users.js", USERS_STUB)


HARNESS = Harness("js-session-cookie-setup", "javascript", exports=("app",), setup=setup)


def serve(ctx, with_secret=True):
    env = {"NODE_ENV": "production", **({"SESSION_SECRET": SECRET} if with_secret else {})}
    return hnode.serve_app(ctx, drop=("SESSION_SECRET",), env=env, handler=HTTPS)


def login(port, password="pw-ann-1"):
    """(status, body, the sid Set-Cookie line or None)."""
    reply = hnode.request(port, "POST", "/login", json_body={"username": "ann", "password": password},
                          headers={"Content-Type": "application/json", "X-Forwarded-Proto": "https"})
    sid = [c for c in reply.cookies if c.split("=", 1)[0].strip() == "sid"]
    return reply.status, reply.json(), sid[-1] if sid else None


def attributes(cookie):
    out = {}
    for part in cookie.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        out[key.lower()] = value
    return out


def lifetime_s(cookie):
    attrs = attributes(cookie)
    if "max-age" in attrs:
        return float(attrs["max-age"])
    if "expires" in attrs:
        return email.utils.parsedate_to_datetime(attrs["expires"]).timestamp() - time.time()
    return None


@HARNESS.functional
def login_sets_session_cookie(ctx):
    with serve(ctx) as port:
        status, body, cookie = login(port)
        expect(status == 200 and body == {"ok": True}, f"login answered {status} {str(body)[:100]}")
        expect(cookie is not None, "no cookie named sid was set on login")
        life = lifetime_s(cookie)
        expect(life is not None and 25 * 60 <= life <= 35 * 60, f"the session cookie lives {life} s, not 30 minutes")
        status, body, _ = login(port, "wrong")
        expect(status == 401 and body == {"ok": False}, f"failed login answered {status} {str(body)[:100]}")


@HARNESS.exploit("insecure-cookie", cwe="CWE-614")
def no_secure(ctx):
    with serve(ctx) as port:
        _, _, cookie = login(port)
    if cookie and "secure" not in attributes(cookie):
        return Exploited(cookie[:120], "the session cookie has no Secure flag: any plain-HTTP request sends it")
    return None


@HARNESS.exploit("script-readable-cookie", cwe="CWE-1004")
def no_httponly(ctx):
    with serve(ctx) as port:
        _, _, cookie = login(port)
    if cookie and "httponly" not in attributes(cookie):
        return Exploited(cookie[:120], "the session cookie has no HttpOnly flag: injected script can read it")
    return None


@HARNESS.exploit("hardcoded-secret", cwe="CWE-798")
def secret_in_code(ctx):
    for with_secret in (True, False):
        with serve(ctx, with_secret=with_secret) as port:
            _, _, cookie = login(port)
        if not cookie:
            continue
        value = urllib.parse.unquote(cookie.split(";")[0].split("=", 1)[1])
        if not value.startswith("s:") or "." not in value:
            continue
        sid, sig = value[2:].rsplit(".", 1)
        for lit in hnode.js_literals(ctx.source):
            mac = base64.b64encode(hmac.new(lit.encode(), sid.encode(), hashlib.sha256).digest()).decode().rstrip("=")
            if hmac.compare_digest(mac, sig):
                when = "" if with_secret else " when SESSION_SECRET is missing"
                return Exploited(f"secret {lit[:40]!r}", f"the session cookie is signed with a secret written in the "
                                                         f"code{when}: anyone with the code can forge any session")
    return None


if __name__ == "__main__":
    HARNESS.main()
