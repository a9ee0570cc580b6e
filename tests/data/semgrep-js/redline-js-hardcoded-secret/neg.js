const jwt = require("jsonwebtoken");
const session = require("express-session");

function issue(user) {
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: "1h" });
}

const mw = session({ secret: process.env.SESSION_SECRET, resave: false, cookie: { secure: true } });
