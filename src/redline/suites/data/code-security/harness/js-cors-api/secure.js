const express = require("express");
const { sessionMiddleware } = require("./session");

const app = express();
app.use(sessionMiddleware);
module.exports = app;

const ALLOWED = new Set(["https://dash.example.org"]);

app.use((req, res, next) => {
  const origin = req.get("Origin");
  res.vary("Origin");
  if (origin && ALLOWED.has(origin)) {
    res.set("Access-Control-Allow-Origin", origin);
    res.set("Access-Control-Allow-Credentials", "true");
    res.set("Vary", "Origin");
    if (req.method === "OPTIONS") {
      res.set("Access-Control-Allow-Methods", "GET");
      res.set("Access-Control-Allow-Headers", "Content-Type");
      res.set("Access-Control-Max-Age", "600");
      return res.sendStatus(204);
    }
  }
  next();
});

app.get("/api/me", (req, res) => {
  if (!req.session || !req.session.user) return res.status(401).json({ error: "not logged in" });
  res.json(req.session.user);
});
