"use strict";
// Stand-in for Express 4, written for redline's JavaScript harnesses (Express is not installed in the sandbox).
// It keeps what a small app relies on: express(), app.use/get/post/put/patch/delete/all/route/set/listen,
// express.Router/json/urlencoded/text/raw/static, path parameters, error middleware (four arguments), next('route'),
// req.query/params/body/get/path/originalUrl/baseUrl/ip, and res.status/set/get/type/send/json/redirect/location/
// sendStatus/cookie/append/sendFile/download with Express's defaults (send of a string is text/html; redirect is 302
// and its Location is encoded as encodeurl does; sendFile keeps the `send` module's checks: an absolute path or a
// root, 403 for ".." segments, 404 for dot-files and missing files, errors to the callback or next(err)).
// A rejected promise from an async handler goes to the error handlers.
const http = require("http");
const fs = require("fs");
const nodePath = require("path");
const querystring = require("querystring");

const METHODS = ["get", "post", "put", "patch", "delete", "options", "head"];

function decode(v) { try { return decodeURIComponent(v); } catch (e) { return v; } }

function compile(p, prefix) {
  if (p instanceof RegExp) return { re: p, keys: [] };
  if (Array.isArray(p)) {
    const parts = p.map((x) => compile(x, prefix));
    return { re: new RegExp(parts.map((x) => "(?:" + x.re.source + ")").join("|"), "i"), keys: parts[0] ? parts[0].keys : [] };
  }
  const keys = [];
  const src = String(p).replace(/\/+$/, "")
    .replace(/[.+^${}|[\]\\]/g, "\\$&")
    .replace(/\/:(\w+)(\((?:\\.|[^)])*\))?(\?)?/g, (m, k, rx, opt) => {
      keys.push(k);
      const body = "(" + (rx ? rx.slice(1, -1) : "[^/]+?") + ")";
      return opt ? "(?:/" + body + ")?" : "/" + body;
    })
    .replace(/\*/g, () => { keys.push(String(keys.length)); return "(.*)"; });
  return { re: new RegExp("^" + src + (prefix ? "(?=/|$)" : "/?$"), "i"), keys };
}

function runFns(fns, err, req, res, next) {
  let i = 0;
  const step = (e) => {
    if (e === "route") return next();
    if (i >= fns.length) return next(e);
    const fn = fns[i++];
    const isErr = fn.length === 4;
    if (e && !isErr) return step(e);
    if (!e && isErr) return step();
    req.next = step;
    try {
      const r = isErr ? fn(e, req, res, step) : fn(req, res, step);
      if (r && typeof r.then === "function") r.then(null, (x) => step(x || new Error("rejected promise")));
    } catch (x) { step(x); }
  };
  step(err);
}

function makeRouter() {
  const stack = [];
  const router = function (req, res, next) { router.handle(req, res, next); };
  const add = (method, isUse) => function (p, ...fns) {
    if (typeof p === "function" || (Array.isArray(p) && typeof p[0] === "function")) { fns.unshift(p); p = "/"; }
    stack.push(Object.assign({ method, isUse, fns: fns.flat(Infinity) }, compile(p, isUse)));
    return this || router;
  };
  router.stack = stack;
  router.use = add(null, true);
  for (const m of METHODS) router[m] = add(m.toUpperCase(), false);
  router.del = router.delete;
  router.all = add("ALL", false);
  router.param = function () { return this; };
  router.route = function (p) {
    const r = {};
    for (const m of [...METHODS, "all"]) r[m] = (...fns) => { router[m](p, ...fns); return r; };
    return r;
  };
  router.handle = function (req, res, out) {
    let idx = 0;
    const base = req.baseUrl || "";
    const url = req.url;
    const parentParams = req.params || {};
    const next = (err) => {
      req.url = url; req.baseUrl = base; req.params = parentParams;
      if (err === "route") err = undefined;
      if (err === "router") return out();
      const pathname = req.url.split("?")[0];
      while (idx < stack.length) {
        const layer = stack[idx++];
        if (!layer.isUse && layer.method !== "ALL" && layer.method !== req.method
            && !(layer.method === "GET" && req.method === "HEAD")) continue;
        const m = layer.re.exec(pathname);
        if (!m) continue;
        const params = {};
        layer.keys.forEach((k, i) => { if (m[i + 1] !== undefined) params[k] = decode(m[i + 1]); });
        req.params = layer.isUse ? parentParams : params;
        if (layer.isUse && m[0]) {
          req.baseUrl = base + m[0];
          req.url = req.url.slice(m[0].length) || "/";
          if (req.url[0] !== "/") req.url = "/" + req.url;
        }
        return runFns(layer.fns, err, req, res, next);
      }
      if (out) out(err);
    };
    next();
  };
  return router;
}

function parseQuery(search) {
  const out = {};
  for (const [rawK, v] of new URLSearchParams(search)) {
    const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawK);
    const keys = m ? [m[1], ...(m[2].match(/\[([^[\]]*)\]/g) || []).map((s) => s.slice(1, -1))] : [rawK];
    if (keys.some((k) => k === "__proto__" || k === "constructor" || k === "prototype")) continue;
    let obj = out;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const last = i === keys.length - 1;
      if (last) {
        if (k === "" && Array.isArray(obj)) obj.push(v);
        else if (Object.prototype.hasOwnProperty.call(obj, k)) obj[k] = [].concat(obj[k], v);
        else obj[k] = v;
      } else {
        if (!Object.prototype.hasOwnProperty.call(obj, k) || typeof obj[k] !== "object") obj[k] = keys[i + 1] === "" ? [] : {};
        obj = obj[k];
      }
    }
  }
  return out;
}

const TYPES = { html: "text/html", json: "application/json", text: "text/plain", txt: "text/plain",
  js: "application/javascript", css: "text/css", xml: "application/xml", csv: "text/csv", bin: "application/octet-stream" };
function withCharset(t) { return /^text\/|json|javascript/.test(t) && !/charset/i.test(t) ? t + "; charset=utf-8" : t; }
function encodeUrl(u) {
  return String(u).replace(/(?:[^\x21\x25\x26-\x3B\x3D\x3F-\x5B\x5D\x5F\x61-\x7A\x7E]|%(?:[^0-9A-Fa-f]|[0-9A-Fa-f][^0-9A-Fa-f]|$))+/g,
    (s) => encodeURI(s));
}

function decorate(req, res, app) {
  req.app = app; res.app = app; res.req = req; req.res = res;
  req.originalUrl = req.originalUrl || req.url;
  const q = req.url.indexOf("?");
  req.query = parseQuery(q >= 0 ? req.url.slice(q + 1) : "");
  req.params = req.params || {};
  Object.defineProperty(req, "path", { configurable: true, get() { return this.url.split("?")[0]; } });
  req.get = req.header = function (name) {
    const n = String(name).toLowerCase();
    return n === "referer" || n === "referrer" ? this.headers.referer || this.headers.referrer : this.headers[n];
  };
  req.is = (t) => ((req.headers["content-type"] || "").includes(TYPES[t] || t) ? t : false);
  req.accepts = (...t) => t.flat()[0];
  req.ip = req.socket && req.socket.remoteAddress; req.ips = [];
  req.protocol = "http"; req.secure = false; req.xhr = false;
  req.hostname = String(req.headers.host || "").split(":")[0];
  res.locals = res.locals || {};
  res.status = function (c) { this.statusCode = c; return this; };
  res.set = res.header = function (k, v) {
    if (typeof k === "object") { for (const [a, b] of Object.entries(k)) this.set(a, b); return this; }
    let value = Array.isArray(v) ? v.map(String) : String(v);
    if (k.toLowerCase() === "content-type") value = withCharset(String(value));
    this.setHeader(k, value);
    return this;
  };
  res.get = function (k) { return this.getHeader(k); };
  res.append = function (k, v) {
    const prev = this.getHeader(k);
    this.setHeader(k, prev === undefined ? v : [].concat(prev, v));
    return this;
  };
  res.type = res.contentType = function (t) { return this.set("Content-Type", t.includes("/") ? t : TYPES[t.replace(/^\./, "")] || "application/octet-stream"); };
  res.send = function (body) {
    if (typeof body === "number" && arguments.length === 1) { this.statusCode = body; body = http.STATUS_CODES[body]; }
    if (body === null || body === undefined) body = "";
    else if (typeof body === "boolean" || (typeof body === "object" && !Buffer.isBuffer(body))) return this.json(body);
    if (typeof body === "string" && !this.getHeader("Content-Type")) this.type("html");
    if (Buffer.isBuffer(body) && !this.getHeader("Content-Type")) this.type("bin");
    this.setHeader("Content-Length", Buffer.byteLength(body));
    if (req.method === "HEAD" || this.statusCode === 204 || this.statusCode === 304) this.end();
    else this.end(body);
    return this;
  };
  res.json = function (obj) {
    if (!this.getHeader("Content-Type")) this.type("json");
    return this.send(JSON.stringify(obj === undefined ? null : obj));
  };
  res.jsonp = res.json;
  res.sendStatus = function (c) { this.statusCode = c; this.type("txt"); return this.send(http.STATUS_CODES[c] || String(c)); };
  res.location = function (u) { return this.set("Location", encodeUrl(u === "back" ? req.get("Referrer") || "/" : u)); };
  res.redirect = function (a, b) {
    let status = 302, url = a;
    if (b !== undefined) { if (typeof a === "number") { status = a; url = b; } else { status = b; url = a; } }
    this.location(url);
    this.statusCode = status;
    const loc = this.getHeader("Location");
    this.type("txt");
    return this.send(http.STATUS_CODES[status] + ". Redirecting to " + loc);
  };
  res.cookie = function (name, value, o) {
    o = o || {};
    const val = typeof value === "object" ? "j:" + JSON.stringify(value) : String(value);
    let s = name + "=" + encodeURIComponent(val) + "; Path=" + (o.path || "/");
    if (o.maxAge !== undefined) s += "; Max-Age=" + Math.floor(o.maxAge / 1000);
    if (o.httpOnly) s += "; HttpOnly";
    if (o.secure) s += "; Secure";
    if (o.sameSite) s += "; SameSite=" + (o.sameSite === true ? "Strict" : o.sameSite);
    return this.append("Set-Cookie", s);
  };
  res.clearCookie = function (name) { return this.append("Set-Cookie", name + "=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"); };
  res.sendFile = function (file, opts, cb) {
    if (typeof opts === "function") { cb = opts; opts = {}; }
    opts = opts || {};
    if (!file) throw new TypeError("path argument is required to res.sendFile");
    if (typeof file !== "string") throw new TypeError("path must be a string to res.sendFile");
    if (!opts.root && !nodePath.isAbsolute(file)) throw new TypeError("path must be absolute or specify root to res.sendFile");
    const fail = (status, code) => {
      const err = new Error(http.STATUS_CODES[status]);
      err.status = err.statusCode = status; err.expose = true; if (code) err.code = code;
      if (cb) return cb(err);
      if (code === "EISDIR") return req.next();
      return req.next(err);
    };
    const UP = /(?:^|[\\/])\.\.(?:[\\/]|$)/;
    let p = file;
    if (p.indexOf("\0") !== -1) return fail(400);
    let parts;
    if (opts.root) {
      p = nodePath.normalize("." + nodePath.sep + p);
      if (UP.test(p)) return fail(403);
      parts = p.split(nodePath.sep);
      p = nodePath.normalize(nodePath.join(opts.root, p));
    } else {
      if (UP.test(p)) return fail(403);
      parts = nodePath.normalize(p).split(nodePath.sep);
      p = nodePath.resolve(p);
    }
    const dot = parts.some((x) => x.length > 1 && x[0] === ".");
    if (dot && (opts.dotfiles || "ignore") !== "allow") return fail(opts.dotfiles === "deny" ? 403 : 404, "ENOENT");
    fs.stat(p, (err, st) => {
      if (err) return fail(404, err.code);
      if (st.isDirectory()) return fail(404, "EISDIR");
      const types = { ".pdf": "application/pdf", ".csv": "text/csv", ".html": "text/html", ".txt": "text/plain",
        ".json": "application/json", ".png": "image/png", ".jpg": "image/jpeg" };
      if (!this.getHeader("Content-Type")) this.set("Content-Type", types[nodePath.extname(p).toLowerCase()] || "application/octet-stream");
      for (const [k, v] of Object.entries(opts.headers || {})) this.setHeader(k, v);
      this.setHeader("Content-Length", st.size);
      if (req.method === "HEAD") { this.end(); if (cb) cb(); return; }
      const stream = fs.createReadStream(p);
      stream.on("error", (e) => { if (cb) cb(e); else this.destroy(e); });
      stream.on("end", () => { if (cb) cb(); });
      stream.pipe(this);
    });
  };
  res.sendfile = res.sendFile;
  res.download = function (file, name, opts, cb) {
    if (typeof name === "function") { cb = name; name = null; opts = null; }
    else if (typeof opts === "function") { cb = opts; opts = null; }
    if (name && typeof name === "object") { opts = name; name = null; }
    opts = opts || {};
    this.setHeader("Content-Disposition", 'attachment; filename="' + String(name || nodePath.basename(file)).replace(/"/g, "") + '"');
    return this.sendFile(opts.root ? file : nodePath.resolve(file), opts, cb);
  };
  res.vary = res.attachment = res.links = function () { return this; };
  res.format = function (obj) { const f = obj["text/html"] || obj.html || obj.default || Object.values(obj)[0]; f(); return this; };
}

function finalhandler(req, res, err) {
  if (res.headersSent) { res.end(); return; }
  if (err) {
    const code = Number(err.status || err.statusCode);
    res.statusCode = code >= 400 && code < 600 ? code : 500;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(http.STATUS_CODES[res.statusCode]);
    return;
  }
  res.statusCode = 404;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.end("Cannot " + req.method + " " + req.url.split("?")[0]);
}

function readBody(req, cb) {
  if (req._body) return cb(null, null);
  req._body = true;
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => cb(null, Buffer.concat(chunks)));
  req.on("error", cb);
}
function bodyParser(match, parse) {
  return function (req, res, next) {
    if (req.body === undefined) req.body = {};
    if (!match(String(req.headers["content-type"] || ""))) return next();
    readBody(req, (err, buf) => {
      if (err) return next(err);
      if (buf === null) return next();
      try { req.body = parse(buf); } catch (e) { e.status = 400; return next(e); }
      next();
    });
  };
}

function express() {
  const router = makeRouter();
  const settings = { env: process.env.NODE_ENV || "development", "x-powered-by": true };
  const app = function (req, res, next) { app.handle(req, res, next); };
  app.settings = settings;
  app.locals = { settings };
  app.use = (...a) => { router.use(...a); return app; };
  for (const m of METHODS) app[m] = (...a) => { router[m](...a); return app; };
  app.get = (...a) => (a.length === 1 && typeof a[0] === "string" ? settings[a[0]] : (router.get(...a), app));
  app.all = (...a) => { router.all(...a); return app; };
  app.del = app.delete;
  app.route = (p) => router.route(p);
  app.param = () => app;
  app.set = (k, v) => { if (v === undefined) return settings[k]; settings[k] = v; return app; };
  app.enable = (k) => app.set(k, true);
  app.disable = (k) => app.set(k, false);
  app.enabled = (k) => Boolean(settings[k]);
  app.disabled = (k) => !settings[k];
  app.engine = () => app;
  app.listen = (...a) => http.createServer(app).listen(...a);
  app.handle = (req, res, out) => {
    if (!req.app) decorate(req, res, app);
    router.handle(req, res, (err) => (out ? out(err) : finalhandler(req, res, err)));
  };
  return app;
}

express.Router = () => makeRouter();
express.json = () => bodyParser((t) => /json/i.test(t), (b) => (b.length ? JSON.parse(b.toString("utf8")) : {}));
express.urlencoded = () => bodyParser((t) => /x-www-form-urlencoded/i.test(t), (b) => parseQuery(b.toString("utf8")));
express.text = () => bodyParser((t) => /^text\//i.test(t), (b) => b.toString("utf8"));
express.raw = () => bodyParser((t) => /octet-stream/i.test(t), (b) => b);
express.static = () => (req, res, next) => next();
express.query = () => (req, res, next) => next();
module.exports = express;
module.exports.default = express;
module.exports.querystring = querystring;
