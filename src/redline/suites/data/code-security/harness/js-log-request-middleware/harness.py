"""Harness for js-log-request-middleware: logRequests(req, res, next) appends one line per request to REQUEST_LOG.

Express is not installed in the sandbox, so the middleware runs in front of a plain ``http`` server whose
requests and responses get the Express helpers a middleware uses (``req.get``, ``req.originalUrl``, ``req.query``,
``req.body`` parsed as ``express.json()`` would, ``res.status().json()``, ...); real HTTP requests go through it
on the loopback, and the log is read after the process has exited (so asynchronous appends have finished).
Exploits: a bearer token, session cookie or password from the request found in the log (CWE-532); a request
that makes the log gain a line that starts with text the client chose (CWE-117).
"""

import json
import os
import re
import subprocess

from hpoly import Exploited, Harness, expect

SECRETS = {"bearer token": "tok-5fa19c-SECRET-BEARER", "session cookie": "sess-8842-SECRET-COOKIE",
           "password": "hunter2-SECRET-PASSWORD"}
FORGED = "2026-01-01T00:00:00.000Z GET /admin FORGED-ENTRY"

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


def setup(ctx):
    os.makedirs(ctx.path("logs"))
    os.environ["REQUEST_LOG"] = ctx.path("logs", "requests.log")
    ctx.cleanups.append(lambda: os.environ.pop("REQUEST_LOG", None))


HARNESS = Harness("js-log-request-middleware", "javascript", exports=("logRequests",), setup=setup)


def through(ctx, specs):
    """Send the requests through logRequests; returns (responses, log lines)."""
    driver = ctx.write("drv/mw.cjs", DRIVER)
    try:
        proc = subprocess.run(["node", driver, ctx.js_module(), "logRequests"], input=json.dumps(specs).encode(),
                              capture_output=True, timeout=60, cwd=ctx.dir, check=False)
        answers = json.loads(proc.stdout.decode())
    except (subprocess.TimeoutExpired, ValueError) as exc:
        raise AssertionError(f"the middleware did not run: {exc}") from None
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
