const jwt = require("jsonwebtoken");

function requireAuth(req, res, next) {
  const header = req.get("Authorization") || "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return res.status(401).json({ error: "unauthorized" });
  try {
    req.user = jwt.verify(match[1], process.env.JWT_SECRET, { algorithms: ["HS256"] });
  } catch (err) {
    return res.status(401).json({ error: "unauthorized" });
  }
  return next();
}

module.exports = { requireAuth };
