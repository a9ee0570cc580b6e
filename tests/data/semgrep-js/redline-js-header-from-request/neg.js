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

const REQUEST_ID = /^[0-9a-f-]{36}$/i;
app.use((req, res, next) => {
  const given = req.headers["x-request-id"];
  res.set("X-Request-Id", REQUEST_ID.test(given) ? given : "generated");
  next();
});
