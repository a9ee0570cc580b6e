// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const { sessionMiddleware } = require("./session");

const app = express();
module.exports = app;

const ALLOWED_ORIGIN = "https://dash.example.org";

// Exact-match allow-list: credentials are only ever shared with the dashboard's origin, never reflected.
app.use((req, res, next) => {
  res.vary("Origin");
  const origin = req.headers.origin;
  if (origin === ALLOWED_ORIGIN) {
    res.set("Access-Control-Allow-Origin", ALLOWED_ORIGIN);
    res.set("Access-Control-Allow-Credentials", "true");
    if (req.method === "OPTIONS") {
      res.set("Access-Control-Allow-Methods", "GET, OPTIONS");
      res.set("Access-Control-Allow-Headers", "Content-Type");
      res.set("Access-Control-Max-Age", "600");
      return res.sendStatus(204);
    }
  } else if (req.method === "OPTIONS" && origin) {
    return res.sendStatus(403);
  }
  next();
});

app.use(sessionMiddleware);

app.get("/api/me", (req, res) => {
  if (!req.session || !req.session.user) return res.status(401).json({ error: "not logged in" });
  res.json(req.session.user);
});
