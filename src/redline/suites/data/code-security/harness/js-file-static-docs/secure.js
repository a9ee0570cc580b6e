const http = require("http");
const fs = require("fs");
const path = require("path");

function createServer(root) {
  const base = path.resolve(root);
  return http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (req.method !== "GET" || !url.pathname.startsWith("/docs/")) {
      res.writeHead(404).end("not found");
      return;
    }
    let rel;
    try {
      rel = decodeURIComponent(url.pathname.slice("/docs/".length));
    } catch (e) {
      res.writeHead(400).end("bad path");
      return;
    }
    const file = path.resolve(base, rel);
    if (!file.startsWith(base + path.sep)) {
      res.writeHead(404).end("not found");
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404).end("not found");
        return;
      }
      res.writeHead(200, { "Content-Type": file.endsWith(".html") ? "text/html" : "text/plain" });
      res.end(data);
    });
  });
}

module.exports = { createServer };
