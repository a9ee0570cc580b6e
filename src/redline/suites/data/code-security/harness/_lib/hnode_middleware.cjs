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
