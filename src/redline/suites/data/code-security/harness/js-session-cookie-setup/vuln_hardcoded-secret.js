const express = require("express");
const session = require("express-session");
const { verifyUser } = require("./users");

const app = express();
app.use(express.json());
module.exports = app;

app.set("trust proxy", 1);
app.use(session({
  name: "sid",
  secret: process.env.SESSION_SECRET || "keyboard cat",
  resave: false,
  saveUninitialized: false,
  cookie: { httpOnly: true, secure: true, sameSite: "lax", maxAge: 30 * 60 * 1000 },
}));

app.post("/login", async (req, res, next) => {
  try {
    const { username, password } = req.body || {};
    const user = await verifyUser(username, password);
    if (!user) return res.status(401).json({ ok: false });
    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.userId = user.id;
      res.json({ ok: true });
    });
  } catch (err) {
    next(err);
  }
});
