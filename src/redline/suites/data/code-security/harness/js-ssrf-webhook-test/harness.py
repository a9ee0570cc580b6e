"""Harness for js-ssrf-webhook-test: POST /webhooks/test {url} in app.js sends a POST with JSON {event: "ping"} to
the customer's webhook address with Node's global fetch (5 second limit) and answers {status} (the webhook's HTTP
status), or 502 {error} when it cannot be reached.

The sandbox has no network, only the loopback. Express is not installed: ``require("express")`` finds
``express_standin.cjs`` (in the harness library, ``_lib``). The driver that starts the app first patches
``dns.lookup`` / ``dns.promises.lookup`` (hooks.example.com resolves to the public address 93.184.216.34,
intranet.example.com to 10.1.2.3) and ``net.Socket.prototype.connect`` (which fetch, http.request and net.connect
all go through): port 80 of the public address reaches a harness web server on the loopback (the customer's
webhook), every loopback, private, link-local or otherwise internal address (any port) reaches a canary server,
any other address is refused. The exploits send internal URLs (the loopback, the cloud metadata address, a name
that resolves to a private address) and a public webhook that redirects to one; they work when the canary
receives any request (CWE-918). Node runs with --disable-wasm-trap-handler where it has the flag: fetch's HTTP
parser is WebAssembly, and its trap handler's address-space reservation does not fit the sandbox's RLIMIT_AS.
"""

import contextlib
import http.client
import http.server
import json
import os
import subprocess
import threading
import urllib.parse

import hpoly
from hpoly import Exploited, Harness, expect

STANDIN = os.path.join(os.path.dirname(os.path.abspath(hpoly.__file__)), "express_standin.cjs")

# The fake network, loaded before app.js: argv[3] is the public site's loopback port, argv[4] the canary's.
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

SERVE = NETWORK + r'''
const mod = require(process.argv[2]);
const app = typeof mod === "function" ? mod : mod && (mod.app || mod.default);
if (typeof app !== "function") throw new Error("app.js does not export the Express app");
const server = require("http").createServer(app);
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\n"));
'''


def setup(ctx):
    with open(STANDIN) as fh:
        ctx.write("mod/node_modules/express/index.js", fh.read())
    ctx.write("mod/node_modules/express/package.json", '{"name": "express", "version": "4.19.2", "main": "index.js"}\n')


HARNESS = Harness("js-ssrf-webhook-test", "javascript", exports=("app",), setup=setup)


class Site(http.server.BaseHTTPRequestHandler):
    """The customer's webhook (port 80 of 93.184.216.34) or, with ``canary`` set, every internal address."""

    canary = False
    hits: list = []  # the canary's requests; the webhook's: (method, path, body)

    def log_message(self, *args):
        pass

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if self.canary:
            self.hits.append(f"{self.command} {self.path} (Host: {self.headers.get('Host')})")
            return self._send(200, "text/plain", b'{"secret": "internal"}')
        url = urllib.parse.urlsplit(self.path)
        if url.path in ("/hook", "/broken"):
            self.hits.append((self.command, url.path, body.decode("utf-8", "replace")))
            if url.path == "/broken":
                return self._send(500, "text/plain", b"internal error")
            self.send_response(204)
            self.end_headers()
            return None
        if url.path == "/go":
            to = urllib.parse.parse_qs(url.query).get("to", ["/"])[0]
            self.send_response(302)
            self.send_header("Location", to)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        return self._send(404, "text/plain", b"not found")

    def _send(self, status, ctype, body):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_HEAD = do_PUT = _answer


@contextlib.contextmanager
def site(canary):
    handler = type("Canary" if canary else "Public", (Site,), {"canary": canary, "hits": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], handler.hits
    finally:
        server.shutdown()
        server.server_close()


def node_flags():
    """Fetch parses HTTP with WebAssembly (llhttp), whose trap handler reserves more address space than the sandbox
    allows (RLIMIT_AS): without the trap handler it fits. Older Node versions lack the flag."""
    if not _FLAGS:
        ok = subprocess.run(["node", "--disable-wasm-trap-handler", "-e", "0"], capture_output=True, timeout=60,
                            check=False).returncode == 0
        _FLAGS.append(["--disable-wasm-trap-handler"] if ok else [])
    return _FLAGS[0]


_FLAGS: list = []


@contextlib.contextmanager
def serve(ctx):
    """The app behind the fake network; yields (app port, canary port, canary hits, webhook hits)."""
    driver = ctx.write("drv/serve.cjs", SERVE)
    with site(False) as (public, received), site(True) as (canary, hits):
        proc = subprocess.Popen(["node", *node_flags(), driver, ctx.js_module(), str(public), str(canary)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ctx.dir)
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline().strip()
            expect(line.isdigit(), f"app did not start: {line or (proc.stderr.read() if proc.stderr else '')}"[:300])
            yield int(line), canary, hits, received
        finally:
            proc.kill()
            proc.wait(timeout=10)


def ping(port, url):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("POST", "/webhooks/test", body=json.dumps({"url": url}),
                     headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        body = resp.read().decode("utf-8", "replace")
        try:
            return resp.status, json.loads(body)
        except ValueError:
            return resp.status, body
    finally:
        conn.close()


def internal_urls(canary):
    return (f"http://127.0.0.1:{canary}/", f"http://localhost:{canary}/admin", f"http://[::1]:{canary}/",
            f"http://[::ffff:127.0.0.1]:{canary}/", f"http://0.0.0.0:{canary}/",
            "http://169.254.169.254/latest/meta-data/", "http://intranet.example.com/", "http://2130706433/",
            "http://10.1.2.3/")


def first_hit(port, hits, urls):
    for url in urls:
        status, body = ping(port, url)
        if hits:
            return Exploited(f"url={url}", f"the app requested {hits[0]} on an internal address "
                                           f"(answer {status} {str(body)[:60]!r})")
    return None


@HARNESS.functional
def pings_webhook(ctx):
    with serve(ctx) as (port, _, _hits, received):
        status, body = ping(port, "http://hooks.example.com/hook")
        expect(status == 200 and isinstance(body, dict) and body.get("status") == 204,
               f"answered {status} {body!r}"[:300])
        expect(len(received) == 1 and received[0][0] == "POST", f"the webhook received {received!r}"[:300])
        try:
            sent = json.loads(received[0][2])
        except ValueError:
            sent = None
        expect(sent == {"event": "ping"}, f"the webhook received the body {received[0][2]!r}"[:300])
        status, body = ping(port, "http://hooks.example.com/broken")
        expect(status == 200 and isinstance(body, dict) and body.get("status") == 500,
               f"a webhook answering 500 gave {status} {body!r}"[:300])


@HARNESS.functional
def unreachable_is_502(ctx):
    with serve(ctx) as (port, _, _hits, _received):
        for url in ("http://nowhere.invalid/hook", "http://down.example.com/hook"):
            status, body = ping(port, url)
            expect(status == 502 and isinstance(body, dict) and "error" in body, f"url={url!r} answered {status} "
                                                                                  f"{body!r}"[:300])


@HARNESS.exploit("internal-url", cwe="CWE-918")
def internal_url(ctx):
    with serve(ctx) as (port, canary, hits, _received):
        return first_hit(port, hits, internal_urls(canary))


@HARNESS.exploit("redirect-to-internal", cwe="CWE-918")
def redirect_to_internal(ctx):
    with serve(ctx) as (port, canary, hits, _received):
        return first_hit(port, hits, ["http://hooks.example.com/go?" + urllib.parse.urlencode({"to": url})
                                      for url in internal_urls(canary)])


if __name__ == "__main__":
    HARNESS.main()
