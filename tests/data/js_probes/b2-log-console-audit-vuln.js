// probe: {"label": "vulnerable", "cwes": ["CWE-117"], "batch": 2}
const express = require("express");
const app = express();

app.use((req, res, next) => {
  const user = req.query.user || "-";
  console.log(`[audit] ${new Date().toISOString()} ${req.method} ${req.path} user=${user}`);
  next();
});

app.get("/", (req, res) => res.send("ok"));
app.listen(3000);
