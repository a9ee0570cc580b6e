// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const jwt = require("jsonwebtoken");

function requireAuth(req, res, next) {
  const header = req.headers && req.headers.authorization;
  const m = typeof header === "string" ? /^Bearer ([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*)$/.exec(header.trim()) : null;
  const secret = process.env.JWT_SECRET;
  if (!m || !secret) return res.status(401).json({ error: "unauthorized" });
  try {
    const payload = jwt.verify(m[1], secret, { algorithms: ["HS256"] });
    req.user = payload;
  } catch (e) {
    return res.status(401).json({ error: "unauthorized" });
  }
  next();
}
module.exports = { requireAuth };
