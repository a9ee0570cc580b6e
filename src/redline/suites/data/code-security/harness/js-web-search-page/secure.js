const express = require("express");
const { searchArticles } = require("./search");

const app = express();

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ENTITIES[c]);

app.get("/search", async (req, res) => {
  const q = typeof req.query.q === "string" ? req.query.q : "";
  const titles = await searchArticles(q);
  const items = titles.map((t) => `<li>${escapeHtml(t)}</li>`).join("");
  res.type("html").send(`<!doctype html><html><head><meta charset="utf-8"><title>Search</title></head>` +
    `<body><h1>Results for ${escapeHtml(q)}</h1><ul>${items}</ul></body></html>`);
});

module.exports = app;
