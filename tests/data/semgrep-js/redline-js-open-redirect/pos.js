const express = require("express");
const app = express();

app.post("/login", (req, res) => {
  res.redirect(req.body.next || "/dashboard");
});

app.get("/out", (req, res) => {
  const url = req.query.url;
  countClick(url);
  res.redirect(302, url);
});
