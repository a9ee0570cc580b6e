const jwt = require("jsonwebtoken");
const session = require("express-session");

function issue(user) {
  return jwt.sign({ sub: user.id }, "super-secret-key", { expiresIn: "1h" });
}

const mw = session({ secret: "keyboard cat", resave: false });
const token2 = (u) => jwt.sign({ sub: u.id }, process.env.JWT_SECRET || "dev-secret");
