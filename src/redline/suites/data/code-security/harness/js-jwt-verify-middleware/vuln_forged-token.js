const jwt = require("jsonwebtoken");

function requireAuth(req, res, next) {
  const auth = req.headers.authorization;
  if (!auth || !auth.startsWith("Bearer ")) {
    return res.status(401).json({ error: "unauthorized" });
  }
  const payload = jwt.decode(auth.slice(7));
  if (!payload) return res.status(401).json({ error: "unauthorized" });
  req.user = payload;
  next();
}

module.exports = { requireAuth };
