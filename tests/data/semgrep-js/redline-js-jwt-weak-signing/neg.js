const jwt = require("jsonwebtoken");

function issue(user, key) {
  return jwt.sign({ sub: user.id }, key, { algorithm: "HS256", expiresIn: "1h" });
}

module.exports = { issue };
