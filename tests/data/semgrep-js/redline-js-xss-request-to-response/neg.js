const express = require("express");
const escapeHtml = require("escape-html");
const app = express();

app.get("/search", (req, res) => {
  const q = req.query.q;
  res.send("<h1>Results for " + escapeHtml(q) + "</h1>");
});

app.get("/count", (req, res) => {
  res.send(`<p>${Number(req.query.n)}</p>`);
});
