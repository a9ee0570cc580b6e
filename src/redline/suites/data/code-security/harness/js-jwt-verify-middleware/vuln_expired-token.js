const jwt = require("jsonwebtoken");

function requireAuth(req, res, next) {
  const auth = req.headers.authorization || "";
  const [scheme, token] = auth.split(" ");
  if (scheme !== "Bearer" || !token) return res.status(401).json({ error: "unauthorized" });
  // long-lived clients keep working after the exp claim passes
  jwt.verify(token, process.env.JWT_SECRET, { algorithms: ["HS256"], ignoreExpiration: true }, (err, payload) => {
    if (err) return res.status(401).json({ error: "unauthorized" });
    req.user = payload;
    next();
  });
}

module.exports = { requireAuth };
