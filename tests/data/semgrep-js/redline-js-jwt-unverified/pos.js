const jwt = require("jsonwebtoken");

function requireAuth(req, res, next) {
  const token = (req.headers.authorization || "").replace("Bearer ", "");
  req.user = jwt.decode(token);
  next();
}

function check(token) {
  return jwt.verify(token, process.env.JWT_SECRET, { algorithms: ["HS256", "none"] });
}
