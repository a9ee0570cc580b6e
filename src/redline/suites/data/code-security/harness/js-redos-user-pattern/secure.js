const express = require("express");
const fs = require("fs");

const app = express();
module.exports = app;

app.get("/logs/search", (req, res, next) => {
  const term = typeof req.query.pattern === "string" ? req.query.pattern : "";
  if (!term) return res.status(400).json({ error: "pattern is required" });
  fs.readFile(process.env.LOG_FILE, "utf8", (err, text) => {
    if (err) return next(err);
    const lines = [];
    for (const line of text.split(/\r?\n/)) {
      if (line.includes(term)) {
        lines.push(line);
        if (lines.length === 200) break;
      }
    }
    res.json({ lines });
  });
});
