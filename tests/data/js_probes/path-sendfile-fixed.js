// probe: {"label": "secure", "cwes": ["CWE-22"], "batch": 1}
const express = require("express");
const path = require("path");

const app = express();
const REPORTS = path.join(__dirname, "reports");

app.get("/reports/:name", (req, res) => {
  res.sendFile(req.params.name, { root: REPORTS, dotfiles: "deny" }, (err) => {
    if (err) res.status(404).end();
  });
});

app.get("/download", (req, res) => {
  const name = path.basename(String(req.query.file));
  res.download(path.join(REPORTS, name));
});

app.listen(3000);
