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
