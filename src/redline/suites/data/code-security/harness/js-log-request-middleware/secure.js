const fs = require("fs");

const SECRET_HEADERS = new Set(["authorization", "cookie", "set-cookie", "proxy-authorization", "x-api-key"]);
const SECRET_FIELD = /pass|secret|token|key|card|cvv/i;

function redactBody(value) {
  if (Array.isArray(value)) return value.map(redactBody);
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_FIELD.test(k) ? "[redacted]" : redactBody(v);
    return out;
  }
  return value;
}

function logRequests(req, res, next) {
  const headers = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = SECRET_HEADERS.has(k) ? "[redacted]" : v;
  const entry = { time: new Date().toISOString(), method: req.method, url: req.originalUrl || req.url, headers,
                  body: redactBody(req.body) };
  fs.appendFile(process.env.REQUEST_LOG, JSON.stringify(entry) + "\n", () => {});
  next();
}

module.exports = { logRequests };
