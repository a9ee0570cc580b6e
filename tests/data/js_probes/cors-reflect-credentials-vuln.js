// probe: {"label": "vulnerable", "cwes": ["CWE-942"], "batch": 1}
const express = require("express");
const app = express();

app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Access-Control-Allow-Credentials", "true");
  }
  next();
});

app.get("/api/account", (req, res) => {
  res.json({ id: 7, email: "user@example.com" });
});

app.listen(3000);
