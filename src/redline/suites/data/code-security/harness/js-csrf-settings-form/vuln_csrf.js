const express = require("express");
const session = require("express-session");
const { updateEmail } = require("./users");

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

function escapeHtml(str) {
  return String(str).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

app.get("/settings", (req, res) => {
  if (!req.session.user) return res.redirect("/login");
  res.send(`<h1>Settings</h1>
<form method="POST" action="/settings">
  <input type="email" name="email" value="${escapeHtml(req.session.user.email)}">
  <button type="submit">Update</button>
</form>`);
});

app.post("/settings", async (req, res) => {
  if (!req.session.user) return res.redirect("/login");
  await updateEmail(req.session.user.id, req.body.email);
  req.session.user.email = req.body.email;
  res.redirect(303, "/settings");
});
