const fs = require("fs");

function logRequests(req, res, next) {
  const line = JSON.stringify({ t: new Date().toISOString(), m: req.method, u: req.url, h: req.headers, b: req.body });
  fs.appendFileSync(process.env.REQUEST_LOG, line + "\n");
  next();
}
