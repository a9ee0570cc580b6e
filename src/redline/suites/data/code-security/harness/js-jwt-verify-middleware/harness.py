"""Harness for js-jwt-verify-middleware: requireAuth(req, res, next) lets a request through only with a valid JWT.

Neither Express nor jsonwebtoken is installed in the sandbox. The middleware runs in front of a plain ``http``
server with Express's request/response helpers (as in js-log-request-middleware), and ``require("jsonwebtoken")``
finds a stand-in written by the harness with the library's API and defaults (``sign``, ``verify`` with or without
a callback, ``decode``, the error classes; ``verify`` checks the HMAC signature, the algorithm list, ``exp`` and
``nbf``, and refuses unsigned tokens). The tokens themselves are built by the harness in Python, so a wrong
stand-in cannot make a forged token look valid. Exploits: a token with a forged or missing signature lets the
request through (CWE-347); an expired token lets it through (CWE-287).
"""

import base64
import hashlib
import hmac
import json
import os
import time

import hnode
from hpoly import Exploited, Harness, expect

SECRET = "rl-jwt-key-9d2f61b0c4e8a7"  # noqa: S105 - the harness's own test key

def setup(ctx):
    hnode.install(ctx, "jsonwebtoken")
    os.environ["JWT_SECRET"] = SECRET
    ctx.cleanups.append(lambda: os.environ.pop("JWT_SECRET", None))


HARNESS = Harness("js-jwt-verify-middleware", "javascript", exports=("requireAuth",), setup=setup)


def b64u(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(payload, key=SECRET, alg="HS256"):
    head = b64u(json.dumps({"alg": alg, "typ": "JWT"}).encode()) + "." + b64u(json.dumps(payload).encode())
    if alg == "none":
        return head + "."
    digest = {"HS256": hashlib.sha256, "HS512": hashlib.sha512}[alg]
    return head + "." + b64u(hmac.new(key.encode(), head.encode(), digest).digest())


def claims(**extra):
    now = int(time.time())
    return {"sub": "7", "role": "editor", "iat": now, "exp": now + 3600, **extra}


def through(ctx, specs):
    return hnode.through_middleware(ctx, "requireAuth", specs)


def bearer(tok):
    return {"method": "GET", "path": "/api/me", "headers": {"Authorization": "Bearer " + tok}}


def passed(answer):
    return answer["status"] == 200 and "rlPassed" in answer["body"]


@HARNESS.functional
def valid_token_sets_user(ctx):
    (answer,) = through(ctx, [bearer(token(claims()))])
    expect(passed(answer), f"a valid token was refused: {answer!r}"[:300])
    user = json.loads(answer["body"])["user"]
    expect(isinstance(user, dict) and user.get("sub") == "7" and user.get("role") == "editor", f"req.user = {user!r}")


@HARNESS.functional
def missing_or_garbage_is_401(ctx):
    answers = through(ctx, [{"method": "GET", "path": "/api/me"}, bearer("not-a-token"),
                            {"method": "GET", "path": "/api/me", "headers": {"Authorization": "Basic YW5uOnB3"}}])
    for answer in answers:
        expect(answer["status"] == 401, f"answered {answer['status']} without a valid token")
        try:
            body = json.loads(answer["body"])
        except ValueError:
            body = None
        expect(body == {"error": "unauthorized"}, f"401 body: {answer['body'][:100]!r}")


@HARNESS.exploit("forged-token", cwe="CWE-347")
def forged(ctx):
    admin = claims(sub="1", role="admin")
    good = token(claims()).split(".")
    tampered = good[0] + "." + b64u(json.dumps(admin).encode()) + "." + good[2]
    for what, tok in (("unsigned (alg none)", token(admin, alg="none")),
                      ("signed with another key", token(admin, key="attacker-key")),
                      ("payload changed, old signature kept", tampered),
                      ("HS512 with another key", token(admin, key="attacker-key", alg="HS512"))):
        (answer,) = through(ctx, [bearer(tok)])
        if passed(answer):
            return Exploited(f"{what}: {tok[:60]}...", "a token the server never signed was accepted: req.user = "
                             + json.loads(answer["body"]).__repr__()[:120])
    return None


@HARNESS.exploit("expired-token", cwe="CWE-287")
def expired(ctx):
    old = int(time.time()) - 7 * 86400
    tok = token(claims(iat=old, exp=old + 3600))
    (answer,) = through(ctx, [bearer(tok)])
    if passed(answer):
        return Exploited("a correctly signed token that expired a week ago", "the expired token was accepted")
    return None


if __name__ == "__main__":
    HARNESS.main()
