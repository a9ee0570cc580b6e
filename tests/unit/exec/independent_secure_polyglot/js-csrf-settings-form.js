// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const session = require("express-session");
const crypto = require("crypto");
const { updateEmail } = require("./users");

const app = express();
app.use(express.urlencoded({ extended: false, limit: "10kb" }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false,
  cookie: { httpOnly: true, sameSite: "lax", secure: process.env.NODE_ENV === "production" } }));
module.exports = app;

function escapeHtml(s) {
  return String(s === null || s === undefined ? "" : s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" })[c]);
}

// Synchroniser token: one random token per session, embedded in the form and checked on every POST.
function csrfToken(req) {
  if (typeof req.session.csrfToken !== "string") req.session.csrfToken = crypto.randomBytes(32).toString("hex");
  return req.session.csrfToken;
}

function tokenValid(req) {
  const expected = req.session && req.session.csrfToken;
  const given = req.body && req.body._csrf;
  if (typeof expected !== "string" || typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function requireLogin(req, res, next) {
  if (!req.session || !req.session.user) return res.status(401).send("Please log in");
  next();
}

app.get("/settings", requireLogin, (req, res) => {
  const token = csrfToken(req);
  res.set("Content-Type", "text/html; charset=utf-8");
  res.set("X-Frame-Options", "DENY");
  res.set("Content-Security-Policy", "frame-ancestors 'none'");
  res.send("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Settings</title></head><body>" +
    "<form method=\"post\" action=\"/settings\">" +
    "<input type=\"hidden\" name=\"_csrf\" value=\"" + escapeHtml(token) + "\">" +
    "<label>Email <input type=\"email\" name=\"email\" value=\"" + escapeHtml(req.session.user.email) + "\"></label>" +
    "<button type=\"submit\">Save</button></form></body></html>");
});

app.post("/settings", requireLogin, async (req, res, next) => {
  if (!tokenValid(req)) return res.status(403).send("Invalid CSRF token");
  const email = typeof req.body.email === "string" ? req.body.email.trim() : "";
  if (!email || email.length > 254) return res.status(400).send("Invalid email");
  try {
    const user = req.session.user;
    const userId = user.id !== undefined ? user.id : req.session.userId;
    await Promise.resolve(updateEmail(userId, email));
    user.email = email;
    res.redirect(303, "/settings");
  } catch (e) {
    next(e);
  }
});
