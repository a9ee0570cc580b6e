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
import subprocess
import time

from hpoly import Exploited, Harness, expect

SECRET = "rl-jwt-key-9d2f61b0c4e8a7"  # noqa: S105 - the harness's own test key
DRIVER = r'''
// Express-like world for one middleware: real HTTP on the loopback, Express's request/response helpers added.
const http = require("http");
const mod = require(process.argv[2]);
const name = process.argv[3];
const specs = JSON.parse(require("fs").readFileSync(0, "utf8"));
const mw = typeof mod[name] === "function" ? mod[name] : typeof mod === "function" ? mod : null;
function decorate(req, res, raw) {
  const url = new URL(req.url, "http://localhost");
  req.originalUrl = req.url; req.path = url.pathname; req.baseUrl = ""; req.protocol = "http";
  req.hostname = "localhost"; req.ip = req.socket.remoteAddress; req.ips = [];
  req.query = Object.fromEntries(url.searchParams);
  req.get = req.header = (n) => { const v = req.headers[String(n).toLowerCase()]; return n.toLowerCase() === "referrer" ? req.headers.referer : v; };
  req.cookies = Object.fromEntries((req.headers.cookie || "").split(";").filter((s) => s.includes("="))
    .map((s) => [s.slice(0, s.indexOf("=")).trim(), decodeURIComponent(s.slice(s.indexOf("=") + 1).trim())]));
  req.body = {};
  if ((req.headers["content-type"] || "").includes("json") && raw.length) req.body = JSON.parse(raw);
  res.locals = {};
  res.status = (c) => { res.statusCode = c; return res; };
  res.set = res.header = (k, v) => { if (typeof k === "object") for (const [a, b] of Object.entries(k)) res.setHeader(a, b); else res.setHeader(k, v); return res; };
  res.get = (k) => res.getHeader(k);
  res.type = (t) => { res.setHeader("Content-Type", t.includes("/") ? t : t === "json" ? "application/json" : "text/" + t); return res; };
  res.json = (o) => { if (!res.getHeader("Content-Type")) res.setHeader("Content-Type", "application/json"); res.end(JSON.stringify(o)); return res; };
  res.send = (b) => { if (b !== null && typeof b === "object" && !Buffer.isBuffer(b)) return res.json(b); res.end(typeof b === "number" ? String(b) : b); return res; };
  res.sendStatus = (c) => { res.statusCode = c; res.end(String(c)); return res; };
}
const server = http.createServer((req, res) => {
  let raw = "";
  req.setEncoding("utf8");
  req.on("data", (c) => { raw += c; });
  req.on("end", () => {
    decorate(req, res, raw);
    let done = false;
    const next = (err) => {
      if (done) return; done = true;
      if (err) { res.statusCode = 500; res.end(JSON.stringify({ rlNextError: String(err) })); return; }
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ rlPassed: true, user: req.user === undefined ? null : req.user }));
    };
    try { const r = mw(req, res, next); if (r && typeof r.catch === "function") r.catch(next); } catch (e) { next(e); }
  });
});
function send(port, spec) {
  return new Promise((resolve) => {
    const body = spec.body === undefined ? "" : JSON.stringify(spec.body);
    const headers = Object.assign({}, spec.headers || {});
    if (body) { headers["Content-Type"] = "application/json"; headers["Content-Length"] = Buffer.byteLength(body); }
    const rq = http.request({ host: "127.0.0.1", port, method: spec.method, path: spec.path, headers }, (rs) => {
      let data = ""; rs.setEncoding("utf8"); rs.on("data", (c) => { data += c; });
      rs.on("end", () => resolve({ status: rs.statusCode, body: data }));
    });
    rq.setTimeout(8000, () => { rq.destroy(); resolve({ status: null, body: "no answer" }); });
    rq.on("error", (e) => resolve({ status: null, body: String(e) }));
    rq.end(body);
  });
}
server.listen(0, "127.0.0.1", async () => {
  const out = [];
  if (!mw) out.push({ status: null, body: "no function " + name + " exported" });
  else for (const s of specs) out.push(await send(server.address().port, s));
  server.close();
  process.stdout.write(JSON.stringify(out));
});
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
    ctx.write("mod/node_modules/jsonwebtoken/index.js", FAKE_JWT)
    ctx.write("mod/node_modules/jsonwebtoken/package.json", '{"name": "jsonwebtoken", "main": "index.js"}\n')
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
    driver = ctx.write("drv/mw.cjs", DRIVER)
    try:
        proc = subprocess.run(["node", driver, ctx.js_module(), "requireAuth"], input=json.dumps(specs).encode(),
                              capture_output=True, timeout=60, cwd=ctx.dir, check=False)
        return json.loads(proc.stdout.decode())
    except (subprocess.TimeoutExpired, ValueError) as exc:
        raise AssertionError(f"the middleware did not run: {exc}") from None


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
