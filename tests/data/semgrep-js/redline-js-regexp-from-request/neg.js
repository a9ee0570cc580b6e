const express = require("express");
const app = express();

app.get("/logs/search", (req, res) => {
  const term = String(req.query.pattern || "");
  res.json({ ok: "some line".includes(term) });
});

const WORD = new RegExp("^[a-z]+$");
