// probe: {"label": "secure", "cwes": ["CWE-113"], "batch": 2}
const express = require("express");
const { randomUUID } = require("crypto");
const app = express();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

app.use((req, res, next) => {
  const given = req.headers["x-request-id"];
  res.set("X-Request-Id", UUID.test(given) ? given : randomUUID());
  next();
});

app.get("/", (req, res) => res.send("ok"));
app.listen(3000);
