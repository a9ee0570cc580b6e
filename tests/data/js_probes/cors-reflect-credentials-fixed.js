// probe: {"label": "secure", "cwes": ["CWE-942"], "batch": 1}
const express = require("express");
const app = express();

const TRUSTED = new Set(["https://app.example.com", "https://admin.example.com"]);

app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && TRUSTED.has(origin)) {
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Access-Control-Allow-Credentials", "true");
    res.setHeader("Vary", "Origin");
  }
  next();
});

app.get("/api/account", (req, res) => {
  res.json({ id: 7, email: "user@example.com" });
});

app.listen(3000);
