// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const fs = require("fs");

const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "x-auth-token", "x-csrf-token"]);
const SECRET_FIELDS = /pass(word)?|secret|token|api[-_]?key|authorization|cookie|card|cvv|ssn|pin$/i;

function redact(value, depth) {
  if (depth > 10) return "[depth]";
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === "object") {
    const out = {};
    for (const k of Object.keys(value)) out[k] = SECRET_FIELDS.test(k) ? "[REDACTED]" : redact(value[k], depth + 1);
    return out;
  }
  return value;
}

function logRequests(req, res, next) {
  const headers = {};
  for (const [k, v] of Object.entries(req.headers || {})) {
    headers[k] = SECRET_HEADERS.has(k.toLowerCase()) || SECRET_FIELDS.test(k) ? "[REDACTED]" : v;
  }
  // One JSON object per line: JSON.stringify escapes CR/LF, so a client cannot forge extra log lines.
  const line = JSON.stringify({
    time: new Date().toISOString(),
    method: req.method,
    url: req.originalUrl || req.url,
    headers,
    body: redact(req.body === undefined ? null : req.body, 0),
  }) + "\n";
  fs.appendFile(process.env.REQUEST_LOG, line, { mode: 0o600 }, () => next());
}
module.exports = { logRequests };
