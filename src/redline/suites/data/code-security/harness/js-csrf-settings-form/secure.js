const express = require("express");
const session = require("express-session");
const crypto = require("crypto");
const { updateEmail } = require("./users");

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (s) => String(s == null ? "" : s).replace(/[&<>"']/g, (c) => ENTITIES[c]);

function csrfToken(req) {
  if (!req.session.csrfToken) req.session.csrfToken = crypto.randomBytes(32).toString("hex");
  return req.session.csrfToken;
}

function sameToken(a, b) {
  const x = Buffer.from(String(a || ""));
  const y = Buffer.from(String(b || ""));
  return x.length === y.length && x.length > 0 && crypto.timingSafeEqual(x, y);
}

app.get("/settings", (req, res) => {
  if (!req.session.user) return res.redirect("/login");
  res.type("html").send(`<!doctype html><html><body><h1>Account settings</h1>
<form method="post" action="/settings">
  <input type="hidden" name="_csrf" value="${esc(csrfToken(req))}">
  <label>E-mail <input type="email" name="email" value="${esc(req.session.user.email)}"></label>
  <button type="submit">Save</button>
</form></body></html>`);
});

app.post("/settings", async (req, res, next) => {
  if (!req.session.user) return res.status(401).send("Please log in");
  if (!sameToken(req.body._csrf, req.session.csrfToken)) return res.status(403).send("Invalid form token");
  try {
    const email = String(req.body.email || "").trim();
    await updateEmail(req.session.user.id, email);
    req.session.user.email = email;
    res.redirect(303, "/settings");
  } catch (err) {
    next(err);
  }
});
