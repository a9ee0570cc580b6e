const express = require("express");
const fs = require("fs");
const path = require("path");
const app = express();

app.get("/reports/:name", (req, res) => {
  const file = path.resolve(process.env.REPORTS_DIR, req.params.name);
  if (!file.startsWith(path.resolve(process.env.REPORTS_DIR) + path.sep)) {
    return res.sendStatus(404);
  }
  res.sendFile(file);
});

app.get("/raw", (req, res) => {
  res.send(fs.readFileSync(path.join("/srv/data", path.basename(req.query.f))));
});

app.get("/doc", (req, res) => {
  res.sendFile(req.query.name, { root: "/srv/docs" });
});

function downloadByName(req, res) {
  const name = path.basename(String(req.query.file));
  res.download(path.join(__dirname, "exports", name));
}

function koaAttachment(ctx) {
  const filePath = path.join(__dirname, "files", path.basename(ctx.params.file));
  ctx.body = fs.createReadStream(filePath);
}
