// probe: {"label": "vulnerable", "cwes": ["CWE-113"], "batch": 2}
const express = require("express");
const { randomUUID } = require("crypto");
const app = express();

app.use((req, res, next) => {
  const requestId = req.headers["x-request-id"] || randomUUID();
  res.set("X-Request-Id", requestId);
  next();
});

app.get("/", (req, res) => res.send("ok"));
app.listen(3000);
