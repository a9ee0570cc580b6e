const session = require("express-session");
const a = session({
  name: "sid",
  secret: process.env.SESSION_SECRET,
  cookie: { maxAge: 1800000, httpOnly: true, secure: true, sameSite: "lax" },
});
