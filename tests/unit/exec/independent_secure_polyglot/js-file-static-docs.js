// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const http = require("http");
const fs = require("fs");
const path = require("path");

function createServer(root) {
  const base = path.resolve(root);
  return http.createServer((req, res) => {
    const notFound = () => { res.writeHead(404, { "Content-Type": "text/plain" }); res.end("Not found\n"); };
    if (req.method !== "GET") { res.writeHead(405, { "Content-Type": "text/plain" }); return res.end("Method not allowed\n"); }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch (e) {
      return notFound();
    }
    if (!pathname.startsWith("/docs/") || pathname.includes("\0")) return notFound();
    const rel = pathname.slice("/docs/".length);
    const file = path.resolve(base, rel);
    if (!file.startsWith(base + path.sep)) return notFound();
    fs.realpath(base, (e0, realBase) => {
      if (e0) return notFound();
      fs.realpath(file, (e1, real) => {
        if (e1 || !real.startsWith(realBase + path.sep)) return notFound();
        fs.stat(real, (e2, st) => {
          if (e2 || !st.isFile()) return notFound();
          const type = path.extname(real).toLowerCase() === ".html" ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
          res.writeHead(200, { "Content-Type": type, "X-Content-Type-Options": "nosniff" });
          fs.createReadStream(real).on("error", () => res.destroy()).pipe(res);
        });
      });
    });
  });
}
module.exports = { createServer };
