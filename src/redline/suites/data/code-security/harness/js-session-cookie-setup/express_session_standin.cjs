"use strict";
// Stand-in for express-session, written for redline's JavaScript harnesses (not installed in the sandbox). It keeps
// what decides the session cookie: the name (default connect.sid), the value "s:<id>.<HMAC-SHA256 of id with the
// first secret>", the cookie options and their defaults (path /, httpOnly true, secure false, no expiry unless
// maxAge/expires), the refusal to send a Secure cookie over a connection that is not encrypted, saveUninitialized
// (default true), an in-memory store, regenerate/save/destroy/reload, and the "secret option required" error.
const crypto = require("crypto");

const sign = (val, secret) => val + "." + crypto.createHmac("sha256", secret).update(val).digest("base64").replace(/=+$/, "");
function unsign(signed, secrets) {
  const val = signed.slice(0, signed.lastIndexOf("."));
  for (const s of secrets) {
    const a = Buffer.from(sign(val, s));
    const b = Buffer.from(signed);
    if (a.length === b.length && crypto.timingSafeEqual(a, b)) return val;
  }
  return false;
}

function MemoryStore() { this.sessions = {}; }
MemoryStore.prototype.get = function (id, cb) { cb(null, this.sessions[id] ? JSON.parse(this.sessions[id]) : undefined); };
MemoryStore.prototype.set = function (id, s, cb) { this.sessions[id] = JSON.stringify(s); if (cb) cb(); };
MemoryStore.prototype.destroy = function (id, cb) { delete this.sessions[id]; if (cb) cb(); };
function Store() {}

function serialize(name, val, c) {
  let s = name + "=" + encodeURIComponent(val);
  if (c.domain) s += "; Domain=" + c.domain;
  s += "; Path=" + (c.path || "/");
  const expires = c.expires ? new Date(c.expires) : c.maxAge !== undefined && c.maxAge !== null ? new Date(Date.now() + c.maxAge) : null;
  if (expires) s += "; Expires=" + expires.toUTCString();
  if (c.httpOnly !== false) s += "; HttpOnly";
  if (c.secure === true || c.secure === "auto") s += "; Secure";
  if (c.partitioned) s += "; Partitioned";
  if (c.sameSite) s += "; SameSite=" + (c.sameSite === true ? "Strict" : c.sameSite[0].toUpperCase() + c.sameSite.slice(1).toLowerCase());
  return s;
}

function session(options) {
  const opts = options || {};
  const name = opts.name || opts.key || "connect.sid";
  const store = opts.store || new MemoryStore();
  const cookieOpts = Object.assign({ path: "/", httpOnly: true, secure: false, maxAge: null }, opts.cookie || {});
  const secrets = opts.secret === undefined ? [] : [].concat(opts.secret);
  const genid = opts.genid || (() => crypto.randomBytes(24).toString("base64url"));
  const saveUninitialized = opts.saveUninitialized === undefined ? true : opts.saveUninitialized;
  return function (req, res, next) {
    if (req.session) return next();
    if (!secrets.length || secrets.some((s) => !s)) return next(new Error("secret option required for sessions"));
    const encrypted = Boolean(req.connection && req.connection.encrypted) ||
      ((opts.proxy || (req.app && req.app.get && req.app.get("trust proxy"))) && /^https/i.test(String(req.headers["x-forwarded-proto"] || "")));
    const raw = (/(?:^|;\s*)([^=;\s]+)=([^;]*)/g);
    let id = null;
    for (const m of String(req.headers.cookie || "").matchAll(raw)) {
      if (m[1] === name) { const v = decodeURIComponent(m[2]); if (v.slice(0, 2) === "s:") id = unsign(v.slice(2), secrets) || null; }
    }
    const make = (sid, data) => {
      const s = Object.assign({}, data || {});
      Object.defineProperties(s, {
        id: { value: sid, configurable: true },
        cookie: { value: Object.assign({}, cookieOpts), writable: true, configurable: true },
        regenerate: { value: (cb) => { req.sessionID = genid(req); req.session = make(req.sessionID); if (cb) cb(); } },
        save: { value: (cb) => { store.set(s.id, Object.assign({}, s), cb); } },
        destroy: { value: (cb) => { store.destroy(s.id, cb); delete req.session; } },
        reload: { value: (cb) => { if (cb) cb(); } },
        touch: { value: () => s },
        resetMaxAge: { value: () => s },
      });
      return s;
    };
    const start = (data) => {
      req.sessionID = id || genid(req);
      req.session = make(req.sessionID, data);
      req.sessionStore = store;
      const writeHead = res.writeHead;
      res.writeHead = function (...a) {
        const s = req.session;
        if (s) {
          store.set(s.id, Object.assign({}, s));
          const c = s.cookie || cookieOpts;
          const touched = Object.keys(s).length > 0 || saveUninitialized || data;
          const secureOk = !(c.secure === true) || encrypted;
          if (touched && secureOk) {
            const prev = res.getHeader("Set-Cookie");
            const cookie = serialize(name, "s:" + sign(s.id, secrets[0]), Object.assign({}, c, { secure: c.secure === "auto" ? encrypted : c.secure }));
            res.setHeader("Set-Cookie", prev === undefined ? cookie : [].concat(prev, cookie));
          }
        }
        return writeHead.apply(this, a);
      };
      next();
    };
    if (id) store.get(id, (err, data) => start(data)); else start(null);
  };
}
session.Store = Store;
session.MemoryStore = MemoryStore;
session.Cookie = function Cookie() {};
session.Session = function Session() {};
module.exports = session;
