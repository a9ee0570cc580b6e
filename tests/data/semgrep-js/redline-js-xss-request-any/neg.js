const express = require("express");
const escapeHtml = require("escape-html");

const app = express();
app.get("/welcome", (req, res) => {
  const agent = escapeHtml(req.headers["user-agent"]);
  res.send("<p>Your browser: " + agent + "</p>");
});
app.listen(3000);
