// probe: {"label": "secure", "cwes": ["CWE-117"], "batch": 2}
const express = require("express");
const app = express();

app.use((req, res, next) => {
  const user = req.query.user || "-";
  console.log(JSON.stringify({ at: new Date().toISOString(), method: req.method, path: req.path, user }));
  next();
});

app.get("/", (req, res) => res.send("ok"));
app.listen(3000);
