// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const session = require("express-session");
const { checkPassword } = require("./auth");

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false,
  cookie: { httpOnly: true, sameSite: "lax", secure: process.env.NODE_ENV === "production" } }));
module.exports = app;

// Only same-site relative paths: "/x", never "//host", "/\host" or absolute URLs.
function safeNext(next) {
  if (typeof next !== "string" || next.length === 0 || next.length > 2000) return "/dashboard";
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || /[\u0000-\u001f\\]/.test(next)) {
    return "/dashboard";
  }
  try {
    const u = new URL(next, "http://local.invalid");
    if (u.origin !== "http://local.invalid") return "/dashboard";
  } catch (e) {
    return "/dashboard";
  }
  return next;
}

app.post("/login", async (req, res, next) => {
  try {
    const email = typeof req.body.email === "string" ? req.body.email : "";
    const password = typeof req.body.password === "string" ? req.body.password : "";
    const ok = await checkPassword(email, password);
    if (ok !== true) return res.status(401).send("Invalid email or password");
    const target = safeNext(req.body.next);
    const finish = () => {
      req.session.user = email;
      res.redirect(302, target);
    };
    if (typeof req.session.regenerate === "function") {
      req.session.regenerate((err) => (err ? next(err) : finish()));
    } else {
      finish();
    }
  } catch (e) {
    next(e);
  }
});
