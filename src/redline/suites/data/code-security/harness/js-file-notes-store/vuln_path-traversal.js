const express = require("express");
const fs = require("fs");
const path = require("path");

const NOTES_DIR = process.env.NOTES_DIR;
const app = express();
app.use(express.text());
module.exports = app;

app.put("/notes/:name", (req, res) => {
  const file = path.join(NOTES_DIR, `${req.params.name}.md`);
  fs.writeFileSync(file, req.body || "");
  res.sendStatus(204);
});

app.get("/notes/:name", (req, res) => {
  const file = path.join(NOTES_DIR, `${req.params.name}.md`);
  if (!fs.existsSync(file)) return res.status(404).send("Not found");
  res.type("text/plain").send(fs.readFileSync(file, "utf8"));
});
