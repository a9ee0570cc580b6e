// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const fs = require("fs");

const app = express();
module.exports = app;

app.get("/logs/search", (req, res) => {
  const term = req.query.pattern;
  if (typeof term !== "string" || term.length === 0 || term.length > 1000) {
    return res.status(400).json({ error: "pattern required" });
  }
  fs.readFile(process.env.LOG_FILE, "utf8", (err, text) => {
    if (err) return res.status(500).json({ error: "log unavailable" });
    const lines = [];
    for (const line of text.split(/\r?\n/)) {
      if (line.includes(term)) {
        lines.push(line);
        if (lines.length >= 200) break;
      }
    }
    res.json({ lines });
  });
});
