const express = require("express");
const fs = require("fs");
const path = require("path");
const app = express();

app.get("/reports/:name", (req, res) => {
  const file = path.join(process.env.REPORTS_DIR, req.params.name);
  res.sendFile(file);
});

app.get("/raw", (req, res) => {
  res.send(fs.readFileSync("/srv/data/" + req.query.f));
});

function koaAttachment(ctx) {
  const filePath = path.join(__dirname, "files", ctx.params.file);
  ctx.body = fs.createReadStream(filePath);
}
