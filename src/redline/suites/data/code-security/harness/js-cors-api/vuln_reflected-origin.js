const express = require("express");
const { sessionMiddleware } = require("./session");

const app = express();
app.use(sessionMiddleware);
module.exports = app;

app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && origin.includes("dash.example.org")) {
    res.header("Access-Control-Allow-Origin", origin);
    res.header("Access-Control-Allow-Credentials", "true");
    res.header("Access-Control-Allow-Methods", "GET, OPTIONS");
    res.header("Access-Control-Allow-Headers", "Content-Type");
  }
  if (req.method === "OPTIONS") return res.sendStatus(204);
  next();
});

app.get("/api/me", (req, res) => {
  res.json(req.session.user || null);
});
