const express = require("express");
const { countClick } = require("./stats");

const app = express();
const PARTNERS = (process.env.PARTNERS || "").split(",");

app.get("/out", (req, res) => {
  const url = req.query.url;
  if (!url || !PARTNERS.some((domain) => url.includes(domain))) {
    return res.status(400).json({ error: "unknown link" });
  }
  countClick(url);
  res.redirect(302, url);
});

module.exports = app;
