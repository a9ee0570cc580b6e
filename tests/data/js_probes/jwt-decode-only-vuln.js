// probe: {"label": "vulnerable", "cwes": ["CWE-347"], "batch": 1}
const jwt = require("jsonwebtoken");

module.exports = function requireUser(req, res, next) {
  const header = req.headers.authorization || "";
  const token = header.replace(/^Bearer /, "");
  const claims = jwt.decode(token);
  if (!claims || !claims.sub) {
    return res.status(401).json({ error: "unauthenticated" });
  }
  req.user = { id: claims.sub, admin: claims.admin === true };
  next();
};
