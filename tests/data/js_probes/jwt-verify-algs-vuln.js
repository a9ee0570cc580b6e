// probe: {"label": "vulnerable", "cwes": ["CWE-347"], "batch": 1}
const jwt = require("jsonwebtoken");

function authenticate(secret) {
  return (req, res, next) => {
    const token = (req.get("Authorization") || "").split(" ")[1];
    jwt.verify(token, secret, { algorithms: ["HS256", "none"] }, (err, payload) => {
      if (err) return res.sendStatus(401);
      req.user = payload;
      next();
    });
  };
}

module.exports = authenticate;
