// probe: {"label": "vulnerable", "cwes": ["CWE-347"], "batch": 2}
const jwt = require("jsonwebtoken");

function issueServiceToken(serviceName) {
  return jwt.sign({ svc: serviceName, scope: ["read"] }, null, { algorithm: "none", expiresIn: "10m" });
}

function readServiceToken(token) {
  return jwt.verify(token, null, { algorithms: ["none"] });
}

module.exports = { issueServiceToken, readServiceToken };
