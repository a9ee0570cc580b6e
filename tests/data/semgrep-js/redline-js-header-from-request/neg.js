const express = require("express");

const LANGS = ["en", "fr"];
const app = express();
app.get("/download", (req, res) => {
  const lang = LANGS.includes(req.query.lang) ? "fr" : "en";
  res.setHeader("Content-Language", "en");
  res.send(lang);
});
app.listen(3000);
