const express = require("express");
const fs = require("fs");

const app = express();
module.exports = app;

app.get("/logs/search", (req, res) => {
  const pattern = req.query.pattern || "";
  const re = new RegExp(pattern, "i");
  const content = fs.readFileSync(process.env.LOG_FILE, "utf8");
  const lines = content.split("\n").filter((line) => re.test(line)).slice(0, 200);
  res.json({ lines });
});
