// probe: {"label": "vulnerable", "cwes": ["CWE-22"], "batch": 1}
const express = require("express");
const path = require("path");

const app = express();
const REPORTS = path.join(__dirname, "reports");

app.get("/reports/:name", (req, res) => {
  const file = path.join(REPORTS, req.params.name);
  res.sendFile(file, (err) => {
    if (err) res.status(404).end();
  });
});

app.get("/download", (req, res) => {
  res.download(REPORTS + "/" + req.query.file);
});

app.listen(3000);
