// probe: {"label": "secure", "cwes": ["CWE-347"], "batch": 2}
const jwt = require("jsonwebtoken");

const KEY = process.env.SERVICE_TOKEN_KEY;

function issueServiceToken(serviceName) {
  return jwt.sign({ svc: serviceName, scope: ["read"] }, KEY, { algorithm: "HS256", expiresIn: "10m" });
}

function readServiceToken(token) {
  return jwt.verify(token, KEY, { algorithms: ["HS256"] });
}

module.exports = { issueServiceToken, readServiceToken };
