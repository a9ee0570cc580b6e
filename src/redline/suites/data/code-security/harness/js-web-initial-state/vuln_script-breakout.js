const express = require("express");
const session = require("express-session");
const { getProfile } = require("./profiles");

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

app.get("/app", (req, res) => {
  const profile = getProfile(req.session.userId);
  res.set("Content-Type", "text/html");
  res.send(`<!DOCTYPE html>
<html>
  <head><title>Dashboard</title></head>
  <body>
    <div id="root"></div>
    <script>
      window.__INITIAL_STATE__ = ${JSON.stringify(profile)};
    </script>
    <script src="/static/bundle.js"></script>
  </body>
</html>`);
});
