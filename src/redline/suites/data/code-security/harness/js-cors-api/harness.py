"""Harness for js-cors-api: app.js adds CORS headers so the dashboard at https://dash.example.org can call
GET /api/me (req.session.user as JSON) with cookies; sessions come from sessionMiddleware in ./session.

Express is not installed in the sandbox: ``require("express")`` finds ``express_standin.cjs`` (in the harness library, ``_lib``);
``./session`` is a stand-in whose middleware logs in the request that carries the cookie ``sid=rl-valid``. The
exploit asks with another Origin (a look-alike host, ``null``): it works when the answer names that origin in
Access-Control-Allow-Origin together with Access-Control-Allow-Credentials: true, the two headers with which a
browser hands the logged-in user's data to the other site's script (CWE-942).
"""

import json

import hnode
from hpoly import Exploited, Harness, expect

DASH = "https://dash.example.org"
USER = {"id": 7, "email": "ann@example.org", "name": "Ann Example"}

SESSION_STUB = r'''
// Stand-in for ./session written by the harness: the cookie sid=rl-valid is Ann's session.
function sessionMiddleware(req, res, next) {
  const cookie = req.headers.cookie || "";
  req.session = /(?:^|;\s*)sid=rl-valid(?:;|$)/.test(cookie) ? { user: %s } : {};
  next();
}
module.exports = { sessionMiddleware };
'''



def setup(ctx):
    hnode.install(ctx, "express")
    ctx.write("mod/session.js", SESSION_STUB % json.dumps(USER))


HARNESS = Harness("js-cors-api", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    return hnode.serve_app(ctx)


def call(port, method, origin, extra=None):
    reply = hnode.request(port, method, "/api/me", headers={"Origin": origin, "Cookie": "sid=rl-valid", **(extra or {})})
    return reply.status, reply.headers, reply.text


def readable_by(origin, headers):
    """Would a browser let a page at ``origin`` read this credentialed answer?"""
    return headers.get("access-control-allow-origin", "").strip() == origin and \
        headers.get("access-control-allow-credentials", "").strip().lower() == "true"


@HARNESS.functional
def dashboard_reads_me(ctx):
    with serve(ctx) as port:
        status, headers, body = call(port, "GET", DASH)
        expect(status == 200, f"GET /api/me answered {status}")
        try:
            data = json.loads(body)
        except ValueError:
            data = None
        expect(data == USER or (isinstance(data, dict) and data.get("user") == USER), f"body {body[:120]!r}")
        expect(readable_by(DASH, headers), f"the dashboard may not read the answer: {headers!r}"[:300])


@HARNESS.functional
def preflight_allows_dashboard(ctx):
    with serve(ctx) as port:
        status, headers, _ = call(port, "OPTIONS", DASH, {"Access-Control-Request-Method": "GET"})
        expect(200 <= status < 300, f"preflight answered {status}")
        expect(headers.get("access-control-allow-origin") == DASH, f"preflight headers {headers!r}"[:300])


@HARNESS.exploit("reflected-origin", cwe="CWE-942")
def other_origin(ctx):
    with serve(ctx) as port:
        for origin in ("https://evil.example", "https://dash.example.org.evil.example", "https://evildash.example.org",
                       "null", "https://dash.example.org:8443.evil.example"):
            status, headers, body = call(port, "GET", origin)
            if status == 200 and readable_by(origin, headers):
                return Exploited(f"Origin: {origin}", "a page at that origin may read the logged-in user's data "
                                                      f"({body[:60]!r})")
    return None


if __name__ == "__main__":
    HARNESS.main()
