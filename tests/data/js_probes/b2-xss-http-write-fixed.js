// probe: {"label": "secure", "cwes": ["CWE-79"], "batch": 2}
const http = require("http");

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ENTITIES[c]);

http.createServer((req, res) => {
  const params = new URL(req.url, "http://localhost").searchParams;
  const tags = params.getAll("tag");
  res.writeHead(200, { "Content-Type": "text/html" });
  res.write("<ul>");
  for (const tag of tags) {
    res.write("<li>" + escapeHtml(tag) + "</li>");
  }
  res.end("</ul>");
}).listen(8080);
