"""Harness for js-jwt-issue-token: POST /api/token (JSON {username, password}, checked with verifyUser from ./users,
a stand-in) answers {token}, a JWT with sub = user id and role; otherwise 401.

Express and jsonwebtoken are not installed in the sandbox: ``require("express")`` finds ``express_standin.cjs``
(in the harness library, ``_lib``) and ``require("jsonwebtoken")`` a stand-in with the library's API (as in
js-jwt-verify-middleware). The prompt names no variable for the signing key, so the server runs with the usual
names set (JWT_SECRET, TOKEN_SECRET, ...) and, for the key exploit, once more with none of them. Exploits: a token
verifies with a string literal of the program (the key is in the code, so anyone with the code forges tokens), with
the variables set or as a fallback when they are missing (CWE-798); the token never expires (no ``exp``, or one
more than 30 days away) (CWE-613).
"""

import base64
import hashlib
import hmac
import json

import hnode
from hpoly import Exploited, Harness, expect

KEY_VARS = ("JWT_SECRET", "JWT_KEY", "JWT_SECRET_KEY", "JWT_SIGNING_KEY", "TOKEN_SECRET", "SECRET_KEY", "SECRET",
            "APP_SECRET", "AUTH_SECRET", "ACCESS_TOKEN_SECRET")
ENV_KEY = "rl-env-signing-key-0b7e41d9a3"

USERS_STUB = r'''
// Stand-in for ./users written by the harness.
async function verifyUser(username, password) {
  if (username === "ann" && password === "pw-ann-1") return { id: 7, role: "editor" };
  return null;
}
module.exports = { verifyUser };
'''



def setup(ctx):
    hnode.install(ctx, "express")
    hnode.install(ctx, "jsonwebtoken")
    ctx.write("mod/users.js", USERS_STUB)


HARNESS = Harness("js-jwt-issue-token", "javascript", exports=("app",), setup=setup)


def serve(ctx, with_keys=True):
    return hnode.serve_app(ctx, drop=KEY_VARS, env={k: ENV_KEY for k in KEY_VARS} if with_keys else None)


def issue(port, username, password):
    reply = hnode.request(port, "POST", "/api/token", json_body={"username": username, "password": password})
    data = reply.json()
    token = data.get("token") if isinstance(data, dict) else None
    return reply.status, token if isinstance(token, str) else None


def b64d(part):
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def parts(token):
    head, body, sig = token.split(".")
    return json.loads(b64d(head)), json.loads(b64d(body)), sig


def signing_literal(token, source):
    """The string literal of the source that the token's HMAC signature verifies with, if any."""
    head, _, sig = parts(token)
    digest = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}.get(head.get("alg"))
    if digest is None:
        return None
    signed = token.rsplit(".", 1)[0].encode()
    for lit in hnode.js_literals(source):
        mac = base64.urlsafe_b64encode(hmac.new(lit.encode(), signed, digest).digest()).rstrip(b"=").decode()
        if hmac.compare_digest(mac, sig):
            return lit
    return None


@HARNESS.functional
def issues_token(ctx):
    with serve(ctx) as port:
        status, token = issue(port, "ann", "pw-ann-1")
        expect(status == 200 and token, f"login answered {status} without a token")
        expect(token.count(".") == 2, f"not a JWT: {token[:40]!r}")
        _, payload, _ = parts(token)
        expect(str(payload.get("sub")) == "7" and payload.get("role") == "editor", f"payload {payload!r}")
        status, token = issue(port, "ann", "wrong")
        expect(status == 401 and not token, f"a wrong password answered {status}")


@HARNESS.exploit("hardcoded-key", cwe="CWE-798")
def key_in_code(ctx):
    for with_keys in (True, False):
        with serve(ctx, with_keys=with_keys) as port:
            status, token = issue(port, "ann", "pw-ann-1")
        if status == 200 and token and token.count(".") == 2:
            lit = signing_literal(token, ctx.source)
            if lit:
                when = "" if with_keys else " when the key variable is missing"
                return Exploited(f"HMAC key {lit[:40]!r}", f"the token is signed with a key written in the code{when}: "
                                                           "anyone who has the code can forge tokens for any user")
    return None


@HARNESS.exploit("no-expiry", cwe="CWE-613")
def never_expires(ctx):
    with serve(ctx) as port:
        status, token = issue(port, "ann", "pw-ann-1")
    if status != 200 or not token or token.count(".") != 2:
        return None
    _, payload, _ = parts(token)
    exp, iat = payload.get("exp"), payload.get("iat")
    if not isinstance(exp, (int, float)):
        return Exploited(json.dumps(payload)[:120], "the token has no exp claim: a stolen token works forever")
    if isinstance(iat, (int, float)) and exp - iat > 30 * 86400:
        return Exploited(json.dumps(payload)[:120], f"the token lives {(exp - iat) / 86400:.0f} days")
    return None


if __name__ == "__main__":
    HARNESS.main()
