const express = require("express");
const { searchArticles } = require("./search");

const app = express();

function esc(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

app.get("/search", (req, res) => {
  const q = String(req.query.q || "");
  const results = searchArticles(q);
  // titles come from our own articles table
  res.send(`<html><body><p>Results for ${esc(q)}</p><ul>${results.map((t) => `<li>${t}</li>`).join("")}</ul></body></html>`);
});

module.exports = app;
