"use strict";
// Stand-in for jsonwebtoken for redline's JavaScript harnesses: the library's API and defaults for HMAC keys.
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
