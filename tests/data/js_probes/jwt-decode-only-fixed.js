// probe: {"label": "secure", "cwes": ["CWE-347"], "batch": 1}
const jwt = require("jsonwebtoken");

const PUBLIC_KEY = process.env.JWT_PUBLIC_KEY;

module.exports = function requireUser(req, res, next) {
  const header = req.headers.authorization || "";
  const token = header.replace(/^Bearer /, "");
  let claims;
  try {
    claims = jwt.verify(token, PUBLIC_KEY, { algorithms: ["RS256"] });
  } catch (e) {
    return res.status(401).json({ error: "unauthenticated" });
  }
  req.user = { id: claims.sub, admin: claims.admin === true };
  next();
};
