// probe: {"label": "secure", "cwes": ["CWE-113"], "batch": 1}
const http = require("http");
const url = require("url");

http.createServer((req, res) => {
  const { query } = url.parse(req.url, true);
  const name = String(query.name || "export.csv").replace(/[^\w.-]/g, "_");
  res.writeHead(200, {
    "Content-Type": "text/csv",
    "Content-Disposition": `attachment; filename="${name}"`,
  });
  res.end("id,total\n1,20\n");
}).listen(3000);
