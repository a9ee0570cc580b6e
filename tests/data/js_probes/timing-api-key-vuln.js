// probe: {"label": "vulnerable", "cwes": ["CWE-208"], "batch": 1}
const express = require("express");
const app = express();

const API_KEY = process.env.INTERNAL_API_KEY;

function requireKey(req, res, next) {
  const provided = req.get("x-api-key");
  if (!provided || provided !== API_KEY) {
    return res.status(403).json({ error: "forbidden" });
  }
  next();
}

app.post("/internal/reindex", requireKey, (req, res) => res.sendStatus(202));
app.listen(3000);
