"""Node preload for SSRF harnesses: a fake DNS and network inside the sandbox (public names reach a harness
server on loopback; loopback, private and link-local addresses reach a canary that records every request)."""

NETWORK = r'''
const net = require("net");
const dns = require("dns");
const PUBLIC_PORT = Number(process.argv[3]), CANARY_PORT = Number(process.argv[4]);
const NAMES = { "news.example.com": ["93.184.216.34"], "hooks.example.com": ["93.184.216.34"],
  "down.example.com": ["93.184.216.35"], "intranet.example.com": ["10.1.2.3"], "localhost": ["127.0.0.1", "::1"] };
function v4(ip) {
  const p = ip.split(".").map(Number);
  return p.length === 4 && p.every((x) => x >= 0 && x < 256) ? p : null;
}
function internal(ip) {
  ip = ip.toLowerCase().replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip), h = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip);
  if (m) ip = m[1];
  if (h) ip = [h[1], h[2]].map((x) => parseInt(x, 16)).flatMap((x) => [x >> 8, x & 255]).join(".");
  const p = v4(ip);
  if (p) return p[0] === 0 || p[0] === 10 || p[0] === 127 || (p[0] === 169 && p[1] === 254) ||
    (p[0] === 172 && p[1] >= 16 && p[1] < 32) || (p[0] === 192 && p[1] === 168) ||
    (p[0] === 100 && p[1] >= 64 && p[1] < 128);
  return ip === "::" || ip === "::1" || /^f[cd]/.test(ip) || /^fe[89ab]/.test(ip);
}
function resolve(host) {
  host = String(host || "localhost").toLowerCase().replace(/\.$/, "");
  if (net.isIP(host.replace(/^\[|\]$/g, ""))) return [host.replace(/^\[|\]$/g, "")];
  return NAMES[host] || null;
}
function notFound(host) {
  return Object.assign(new Error("getaddrinfo ENOTFOUND " + host), { code: "ENOTFOUND", hostname: host });
}
dns.lookup = function lookup(host, options, cb) {
  if (typeof options === "function") { cb = options; options = {}; }
  if (typeof options === "number") options = { family: options };
  options = options || {};
  let ips = resolve(host);
  const family = { IPv4: 4, IPv6: 6 }[options.family] || Number(options.family) || 0;
  if (ips && family) ips = ips.filter((ip) => net.isIP(ip) === family);
  process.nextTick(() => {
    if (!ips || !ips.length) return cb(notFound(host));
    if (options.all) return cb(null, ips.map((address) => ({ address, family: net.isIP(address) })));
    cb(null, ips[0], net.isIP(ips[0]));
  });
  return {};
};
dns.promises.lookup = function lookup(host, options) {
  return new Promise((ok, fail) => dns.lookup(host, options || {}, (err, address, family) =>
    err ? fail(err) : ok(Array.isArray(address) ? address : { address, family })));
};
try { require("dns/promises").lookup = dns.promises.lookup; } catch (e) { /* same object */ }
const origConnect = net.Socket.prototype.connect;
function route(socket, options, ips, cb) {
  const port = Number(options.port);
  let target = null;
  if (ips && ips.some(internal)) target = CANARY_PORT;
  else if (ips && ips[0] === "93.184.216.34" && port === 80) target = PUBLIC_PORT;
  if (target === null) {
    const err = ips ? Object.assign(new Error("connect ECONNREFUSED " + ips[0] + ":" + port), { code: "ECONNREFUSED" })
      : notFound(options.host);
    process.nextTick(() => socket.destroy(err));
    return socket;
  }
  const { lookup, autoSelectFamily, family, ...rest } = options;
  return origConnect.call(socket, { ...rest, host: "127.0.0.1", port: target }, ...(cb ? [cb] : []));
}
net.Socket.prototype.connect = function connect(...args) {
  if (Array.isArray(args[0])) args = args[0];
  let options = args[0], cb = args.find((a) => typeof a === "function");
  if (options && typeof options === "object") options = { ...options };
  else if (typeof options === "string" && !/^\d+$/.test(options)) return origConnect.apply(this, args);  // a pipe
  else options = { port: args[0], host: typeof args[1] === "string" ? args[1] : undefined };
  if (options.path) return origConnect.apply(this, args);
  const host = String(options.host || "localhost").replace(/^\[|\]$/g, "");
  if (typeof options.lookup !== "function" || net.isIP(host)) return route(this, options, resolve(options.host), cb);
  // the app's own lookup (an agent that checks the addresses it resolves): the address it gives is the one used
  this.connecting = true;
  options.lookup(host, { all: true }, (err, address) => {
    if (err) return this.destroy(err);
    const ips = Array.isArray(address) ? address.map((a) => a.address) : [address];
    this.connecting = false;
    route(this, options, ips.length ? ips : null, cb);
  });
  return this;
};
'''
