const express = require("express");

const LANGS = ["en", "fr"];
const app = express();
app.get("/download", (req, res) => {
  const lang = LANGS.includes(req.query.lang) ? "fr" : "en";
  res.setHeader("Content-Language", "en");
  res.send(lang);
});
app.listen(3000);

app.get("/export", (req, res) => {
  const name = String(req.query.name).replace(/[^\w.-]/g, "_");
  res.setHeader("Content-Disposition", `attachment; filename="${name}"`);
  res.end();
});
