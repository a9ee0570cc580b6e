// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const session = require("express-session");
const { verifyUser } = require("./users");

const secret = process.env.SESSION_SECRET;
if (!secret) throw new Error("SESSION_SECRET must be set");

const app = express();
app.use(express.json());
app.use(session({
  name: "sid",
  secret,
  resave: false,
  saveUninitialized: false,
  rolling: true,
  cookie: {
    httpOnly: true,
    secure: process.env.NODE_ENV === "production",
    sameSite: "lax",
    maxAge: 30 * 60 * 1000,
  },
}));
module.exports = app;

app.post("/login", async (req, res, next) => {
  try {
    const body = req.body || {};
    if (typeof body.username !== "string" || typeof body.password !== "string") {
      return res.status(401).json({ ok: false });
    }
    const user = await Promise.resolve(verifyUser(body.username, body.password));
    if (!user) return res.status(401).json({ ok: false });
    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.userId = user.id;
      res.json({ ok: true });
    });
  } catch (e) {
    next(e);
  }
});
