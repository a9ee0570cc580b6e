"""Harness for js-log-request-middleware: logRequests(req, res, next) appends one line per request to REQUEST_LOG.

Express is not installed in the sandbox, so the middleware runs in front of a plain ``http`` server whose
requests and responses get the Express helpers a middleware uses (``req.get``, ``req.originalUrl``, ``req.query``,
``req.body`` parsed as ``express.json()`` would, ``res.status().json()``, ...); real HTTP requests go through it
on the loopback, and the log is read after the process has exited (so asynchronous appends have finished).
Exploits: a bearer token, session cookie or password from the request found in the log (CWE-532); a request
that makes the log gain a line that starts with text the client chose (CWE-117).
"""

import os
import re

import hnode
from hpoly import Exploited, Harness, expect

SECRETS = {"bearer token": "tok-5fa19c-SECRET-BEARER", "session cookie": "sess-8842-SECRET-COOKIE",
           "password": "hunter2-SECRET-PASSWORD"}
FORGED = "2026-01-01T00:00:00.000Z GET /admin FORGED-ENTRY"


def setup(ctx):
    os.makedirs(ctx.path("logs"))
    os.environ["REQUEST_LOG"] = ctx.path("logs", "requests.log")
    ctx.cleanups.append(lambda: os.environ.pop("REQUEST_LOG", None))


HARNESS = Harness("js-log-request-middleware", "javascript", exports=("logRequests",), setup=setup)


def through(ctx, specs):
    """Send the requests through logRequests; returns (responses, log lines)."""
    answers = hnode.through_middleware(ctx, "logRequests", specs)
    path = ctx.path("logs", "requests.log")
    text = open(path, encoding="utf-8", errors="replace").read() if os.path.exists(path) else ""
    return answers, [ln for ln in re.split(r"\r\n|\r|\n", text) if ln.strip()]


@HARNESS.functional
def logs_one_line_per_request(ctx):
    answers, lines = through(ctx, [
        {"method": "POST", "path": "/api/orders?ref=abc", "headers": {"X-Request-Id": "rid-7781"},
         "body": {"item": "book-1234", "qty": 2}},
        {"method": "GET", "path": "/api/status", "headers": {"X-Request-Id": "rid-7782"}}])
    expect(all(a["status"] == 200 and "rlPassed" in a["body"] for a in answers), f"next() not called: {answers!r}")
    expect(len(lines) == 2, f"{len(lines)} log lines for 2 requests: {lines!r}"[:300])
    post = [ln for ln in lines if "POST" in ln]
    expect(post and "/api/orders" in post[0] and "rid-7781" in post[0] and "book-1234" in post[0],
           f"the POST line lacks the URL, a header or the body: {post!r}"[:300])
    get = [ln for ln in lines if "GET" in ln]
    expect(get and "/api/status" in get[0], f"the GET line: {get!r}"[:300])


@HARNESS.exploit("secrets-logged", cwe="CWE-532")
def secrets(ctx):
    _, lines = through(ctx, [{"method": "POST", "path": "/login", "body": {"username": "ann", "password":
                                                                            SECRETS["password"]},
                              "headers": {"Authorization": "Bearer " + SECRETS["bearer token"],
                                          "Cookie": "sid=" + SECRETS["session cookie"]}}])
    text = "\n".join(lines)
    leaked = [what for what, value in SECRETS.items() if value in text]
    if leaked:
        return Exploited("POST /login with a bearer token, a session cookie and a password",
                         "the request log holds the " + ", the ".join(leaked))
    return None


@HARNESS.exploit("log-injection", cwe="CWE-117")
def forge_line(ctx):
    encoded = FORGED.replace(" ", "%20")
    for spec in ({"method": "GET", "path": "/search?q=x%0A" + encoded},
                 {"method": "GET", "path": "/search?q=x%0D%0A" + encoded},
                 {"method": "GET", "path": "/x%0A" + encoded},
                 {"method": "POST", "path": "/notes", "body": {"text": "hi\n" + FORGED}}):
        _, lines = through(ctx, [spec])
        if any(ln.lstrip().startswith(FORGED) for ln in lines):
            return Exploited(f"{spec['method']} {spec['path']}", "the log gained a line the client wrote: " + FORGED)
        if os.path.exists(ctx.path("logs", "requests.log")):
            os.remove(ctx.path("logs", "requests.log"))
    return None


if __name__ == "__main__":
    HARNESS.main()
