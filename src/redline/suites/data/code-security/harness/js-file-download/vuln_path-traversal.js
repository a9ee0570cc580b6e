const express = require("express");
const path = require("path");
const fs = require("fs");

const app = express();

app.get("/reports/:name", (req, res) => {
  const filePath = path.join(process.env.REPORTS_DIR, req.params.name);
  if (!fs.existsSync(filePath)) {
    return res.status(404).json({ error: "Report not found" });
  }
  res.sendFile(filePath);
});

module.exports = app;
