const express = require("express");
const session = require("express-session");
const { getProfile } = require("./profiles");

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

// JSON that can sit inside <script>: no "<", ">" or "&" survive, nor the two line separators
function inlineJson(value) {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

app.get("/app", async (req, res) => {
  const userId = req.session && req.session.userId;
  if (!userId) return res.status(401).type("text/plain").send("login required");
  const profile = (await getProfile(userId)) || {};
  const state = { name: profile.name, bio: profile.bio, theme: profile.theme };
  res.type("html").send(`<!doctype html>
<html>
<head><meta charset="utf-8"><title>App</title></head>
<body>
<div id="root"></div>
<script>window.__INITIAL_STATE__ = ${inlineJson(state)};</script>
<script src="/static/app.js"></script>
</body>
</html>`);
});
