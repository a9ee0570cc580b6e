const http = require("http");
const fs = require("fs");
const path = require("path");

function createServer(root) {
  return http.createServer((req, res) => {
    if (!req.url.startsWith("/docs/")) {
      res.statusCode = 404;
      return res.end("not found");
    }
    const file = path.join(root, decodeURIComponent(req.url.slice("/docs/".length)));
    fs.readFile(file, (err, data) => {
      if (err) {
        res.statusCode = 404;
        return res.end("not found");
      }
      res.setHeader("Content-Type", path.extname(file) === ".html" ? "text/html" : "text/plain");
      res.end(data);
    });
  });
}

module.exports = { createServer };
