const express = require("express");
const session = require("express-session");
const crypto = require("crypto");
const { updateEmail } = require("./users");

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

app.get("/settings", (req, res) => {
  if (!req.session.user) return res.redirect("/login");
  req.session.csrf = req.session.csrf || crypto.randomBytes(24).toString("hex");
  res.send(`<form method="post" action="/settings">
<input type="hidden" name="csrf" value="${req.session.csrf}">
<input name="email" value="${req.session.user.email}">
<input type="submit" value="Save"></form>`);
});

app.post("/settings", async (req, res) => {
  if (!req.session.user) return res.redirect("/login");
  if (!req.body.csrf || req.body.csrf !== req.session.csrf) return res.status(403).send("Forbidden");
  await updateEmail(req.session.user.id, req.body.email);
  req.session.user.email = req.body.email;
  res.redirect(303, "/settings");
});
