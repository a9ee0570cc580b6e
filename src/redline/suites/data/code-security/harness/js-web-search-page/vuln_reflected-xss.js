const express = require("express");
const { searchArticles } = require("./search");

const app = express();

app.get("/search", (req, res) => {
  const q = req.query.q || "";
  const list = searchArticles(q).map((title) => "<li>" + title + "</li>").join("\n");
  res.set("Content-Type", "text/html");
  res.send("<html><body><h1>Results for " + q + "</h1><ul>" + list + "</ul></body></html>");
});

module.exports = app;
