const express = require("express");
const app = express();
const ALLOWED = "https://dash.example.org";

app.use((req, res, next) => {
  if (req.headers.origin === ALLOWED) {
    res.setHeader("Access-Control-Allow-Origin", req.headers.origin);
    res.setHeader("Access-Control-Allow-Credentials", "true");
    res.setHeader("Vary", "Origin");
  }
  next();
});

const TRUSTED_ORIGINS = new Set(["https://app.example.org"]);
function corsAllowList(req, res, next) {
  const origin = req.headers.origin;
  if (origin && TRUSTED_ORIGINS.has(origin)) {
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Access-Control-Allow-Credentials", "true");
  }
  next();
}
