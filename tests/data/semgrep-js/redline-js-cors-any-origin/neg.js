const express = require("express");

const ALLOWED = new Set(["https://app.example.org"]);
const app = express();
app.use((req, res, next) => {
  if (ALLOWED.has(req.headers.origin)) {
    res.setHeader("Access-Control-Allow-Origin", req.headers.origin);
    res.setHeader("Vary", "Origin");
  }
  next();
});
app.listen(3000);
