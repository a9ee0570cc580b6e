// probe: {"label": "secure", "cwes": ["CWE-79"], "batch": 1}
const express = require("express");
const escapeHtml = require("escape-html");
const app = express();

app.get("/welcome", (req, res) => {
  const name = escapeHtml(req.query.name || "guest");
  res.send(`<!doctype html>
<html><body>
  <h1>Welcome back, ${name}!</h1>
  <p>Your dashboard is ready.</p>
</body></html>`);
});

app.listen(3000);
