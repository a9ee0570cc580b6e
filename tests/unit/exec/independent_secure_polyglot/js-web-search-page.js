// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const { searchArticles } = require("./search");

const app = express();
module.exports = app;

function escapeHtml(s) {
  return String(s === null || s === undefined ? "" : s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" })[c]);
}

app.get("/search", async (req, res) => {
  const q = typeof req.query.q === "string" ? req.query.q : "";
  const titles = await Promise.resolve(searchArticles(q));
  const items = (titles || []).map((t) => "<li>" + escapeHtml(t) + "</li>").join("");
  res.set("Content-Type", "text/html; charset=utf-8");
  res.set("Content-Security-Policy", "default-src 'none'");
  res.send("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Search</title></head><body><h1>Results for " +
    escapeHtml(q) + "</h1><ul>" + items + "</ul></body></html>");
});
