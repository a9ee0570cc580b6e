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
import contextlib
import hashlib
import hmac
import http.client
import json
import os
import re
import subprocess

import hpoly
from hpoly import Exploited, Harness, expect

STANDIN = os.path.join(os.path.dirname(os.path.abspath(hpoly.__file__)), "express_standin.cjs")
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

SERVE = r'''
const mod = require(process.argv[2]);
const app = typeof mod === "function" ? mod : mod && (mod.app || mod.default);
if (typeof app !== "function") throw new Error("app.js does not export the Express app");
const server = require("http").createServer(app);
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\n"));
'''

FAKE_JWT = r'''
"use strict";
// Stand-in for jsonwebtoken written by the harness: the library's API and defaults for HMAC keys.
const crypto = require("crypto");
class JsonWebTokenError extends Error { constructor(m, e) { super(m); this.name = "JsonWebTokenError"; if (e) this.inner = e; } }
class TokenExpiredError extends JsonWebTokenError { constructor(m, at) { super(m); this.name = "TokenExpiredError"; this.expiredAt = at; } }
class NotBeforeError extends JsonWebTokenError { constructor(m, d) { super(m); this.name = "NotBeforeError"; this.date = d; } }
const HASH = { HS256: "sha256", HS384: "sha384", HS512: "sha512" };
const b64u = (b) => Buffer.from(b).toString("base64").replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
function span(v) {
  if (typeof v === "number") return v;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(ms|s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|y|years?)?\s*$/i.exec(String(v));
  if (!m) throw new Error('"expiresIn" should be a number of seconds or string representing a timespan');
  const n = Number(m[1]); const u = (m[2] || "ms").toLowerCase();
  const f = u === "ms" ? 0.001 : u[0] === "s" ? 1 : u[0] === "m" ? 60 : u[0] === "h" ? 3600 : u[0] === "d" ? 86400 : u[0] === "w" ? 604800 : 31557600;
  return Math.floor(n * f);
}
function hmac(alg, key, data) { return b64u(crypto.createHmac(HASH[alg], key).update(data).digest()); }
function decode(token, options) {
  options = options || {};
  if (typeof token !== "string") return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  let header, payload;
  try { header = JSON.parse(Buffer.from(parts[0], "base64").toString()); } catch (e) { return null; }
  try { payload = JSON.parse(Buffer.from(parts[1], "base64").toString()); } catch (e) { return null; }
  if (!header || typeof header !== "object") return null;
  return options.complete ? { header, payload, signature: parts[2] } : payload;
}
function sign(payload, key, options, cb) {
  if (typeof options === "function") { cb = options; options = {}; }
  options = options || {};
  const run = () => {
    const alg = options.algorithm || "HS256";
    if (!HASH[alg] && alg !== "none") throw new Error('"algorithm" must be a valid string enum value');
    if (alg !== "none" && !key) throw new Error("secretOrPrivateKey must have a value");
    const body = typeof payload === "object" ? Object.assign({}, payload) : payload;
    if (typeof body === "object") {
      const now = Math.floor(Date.now() / 1000);
      if (!options.noTimestamp && body.iat === undefined) body.iat = now;
      const ts = body.iat || now;
      if (options.expiresIn !== undefined) body.exp = ts + span(options.expiresIn);
      if (options.notBefore !== undefined) body.nbf = ts + span(options.notBefore);
      if (options.subject !== undefined) body.sub = options.subject;
      if (options.issuer !== undefined) body.iss = options.issuer;
      if (options.audience !== undefined) body.aud = options.audience;
      if (options.jwtid !== undefined) body.jti = options.jwtid;
    }
    const head = Object.assign({ alg, typ: "JWT" }, options.header || {});
    const data = b64u(JSON.stringify(head)) + "." + b64u(typeof body === "string" ? body : JSON.stringify(body));
    return data + "." + (alg === "none" ? "" : hmac(alg, key, data));
  };
  if (cb) { let t; try { t = run(); } catch (e) { return cb(e); } return cb(null, t); }
  return run();
}
function verify(token, key, options, cb) {
  if (typeof options === "function") { cb = options; options = {}; }
  options = Object.assign({}, options || {});
  const done = (err, val) => { if (cb) return cb(err, val); if (err) throw err; return val; };
  if (!token) return done(new JsonWebTokenError("jwt must be provided"));
  if (typeof token !== "string") return done(new JsonWebTokenError("jwt must be a string"));
  const parts = token.split(".");
  if (parts.length !== 3) return done(new JsonWebTokenError("jwt malformed"));
  const dec = decode(token, { complete: true });
  if (!dec) return done(new JsonWebTokenError("invalid token"));
  if (!key) return done(new JsonWebTokenError("secret or public key must be provided"));
  if (!parts[2]) return done(new JsonWebTokenError("jwt signature is required"));
  const algs = options.algorithms || ["HS256", "HS384", "HS512"];
  if (!algs.includes(dec.header.alg) || !HASH[dec.header.alg]) return done(new JsonWebTokenError("invalid algorithm"));
  const want = Buffer.from(hmac(dec.header.alg, key, parts[0] + "." + parts[1]));
  const got = Buffer.from(parts[2]);
  if (want.length !== got.length || !crypto.timingSafeEqual(want, got)) return done(new JsonWebTokenError("invalid signature"));
  const p = dec.payload;
  const now = Math.floor(Date.now() / 1000) - 0;
  const tol = options.clockTolerance || 0;
  if (p && typeof p === "object") {
    if (p.nbf !== undefined && !options.ignoreNotBefore && p.nbf > now + tol) return done(new NotBeforeError("jwt not active", new Date(p.nbf * 1000)));
    if (p.exp !== undefined && !options.ignoreExpiration) {
      if (typeof p.exp !== "number") return done(new JsonWebTokenError("invalid exp value"));
      if (now >= p.exp + tol) return done(new TokenExpiredError("jwt expired", new Date(p.exp * 1000)));
    }
    if (options.maxAge !== undefined && typeof p.iat === "number" && now - p.iat > span(options.maxAge) + tol) return done(new TokenExpiredError("maxAge exceeded", new Date((p.iat + span(options.maxAge)) * 1000)));
    if (options.audience !== undefined) { const want2 = [].concat(options.audience); const have = [].concat(p.aud); if (!have.some((a) => want2.includes(a))) return done(new JsonWebTokenError("jwt audience invalid")); }
    if (options.issuer !== undefined && ![].concat(options.issuer).includes(p.iss)) return done(new JsonWebTokenError("jwt issuer invalid"));
    if (options.subject !== undefined && p.sub !== options.subject) return done(new JsonWebTokenError("jwt subject invalid"));
  }
  return done(null, options.complete ? dec : p);
}
module.exports = { sign, verify, decode, JsonWebTokenError, TokenExpiredError, NotBeforeError };
'''


def setup(ctx):
    with open(STANDIN) as fh:
        ctx.write("mod/node_modules/express/index.js", fh.read())
    ctx.write("mod/node_modules/express/package.json", '{"name": "express", "version": "4.19.2", "main": "index.js"}\n')
    ctx.write("mod/node_modules/jsonwebtoken/index.js", FAKE_JWT)
    ctx.write("mod/node_modules/jsonwebtoken/package.json", '{"name": "jsonwebtoken", "main": "index.js"}\n')
    ctx.write("mod/users.js", USERS_STUB)


HARNESS = Harness("js-jwt-issue-token", "javascript", exports=("app",), setup=setup)


@contextlib.contextmanager
def serve(ctx, with_keys=True):
    driver = ctx.write("drv/serve.cjs", SERVE)
    env = {k: v for k, v in os.environ.items() if k not in KEY_VARS}
    if with_keys:
        env.update({k: ENV_KEY for k in KEY_VARS})
    proc = subprocess.Popen(["node", driver, ctx.js_module()], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ctx.dir, env=env)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        expect(line.isdigit(), f"app did not start: {line or (proc.stderr.read() if proc.stderr else '')}"[:300])
        yield int(line)
    finally:
        proc.kill()
        proc.wait(timeout=10)


def issue(port, username, password):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request("POST", "/api/token", body=json.dumps({"username": username, "password": password}),
                     headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        status, body = resp.status, resp.read().decode("utf-8", "replace")
    finally:
        conn.close()
    try:
        data = json.loads(body)
    except ValueError:
        data = None
    token = data.get("token") if isinstance(data, dict) else None
    return status, token if isinstance(token, str) else None


def b64d(part):
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def parts(token):
    head, body, sig = token.split(".")
    return json.loads(b64d(head)), json.loads(b64d(body)), sig


def literals(source):
    found = set()
    for m in re.finditer(r"'((?:[^'\\\n]|\\.){4,200})'|\"((?:[^\"\\\n]|\\.){4,200})\"|`([^`$\\]{4,200})`", source):
        found.add(next(g for g in m.groups() if g is not None))
    return found


def signing_literal(token, source):
    """The string literal of the source that the token's HMAC signature verifies with, if any."""
    head, _, sig = parts(token)
    digest = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}.get(head.get("alg"))
    if digest is None:
        return None
    signed = token.rsplit(".", 1)[0].encode()
    for lit in literals(source):
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
