const fs = require("fs");

function logRequests(req, res, next) {
  const line = `${new Date().toISOString()} ${req.method} ${req.originalUrl} ` +
    `headers=${JSON.stringify(req.headers)} body=${JSON.stringify(req.body || {})}\n`;
  fs.appendFileSync(process.env.REQUEST_LOG, line);
  next();
}

module.exports = { logRequests };
